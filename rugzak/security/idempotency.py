"""`Idempotency-Key` on API POSTs: a client that retries a POST (say after a dropped connection)
with the same key gets the first answer again, and nothing is made twice.

The key is reserved in the database before the request runs (unique per user), so a retry that
arrives while the first is still busy, in any worker, is told to wait instead of running twice.
The answer is kept KEEP long; a 5xx answer is not kept, so a retry runs again.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from flask import Response, g, request
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import (
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    delete,
    or_,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from ..errors import InvalidInput, error_response
from ..extensions import db
from ..timeutil import UTCDateTime, utcnow

HEADER = "Idempotency-Key"
KEY_MAX = 100
KEEP = timedelta(hours=24)
# A reservation still without an answer after this long belongs to a request that died (a
# worker times out long before): the key is free again rather than blocked for a day.
ABANDONED = timedelta(minutes=5)


class IdempotentAnswer(db.Model):
    __tablename__ = "idempotent_answers"
    __table_args__ = (UniqueConstraint("user_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(KEY_MAX))
    request: Mapped[str] = mapped_column(String(300))  # "POST /api/v1/experiences"
    status: Mapped[int | None] = mapped_column(Integer)  # None: the first request is still busy
    body: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


def replay_or_reserve() -> Response | None:
    """Before an API POST with a key: the kept answer, a 409 while it is being made, or None
    after reserving the key for this request."""
    key = request.headers.get(HEADER)
    if request.method != "POST" or key is None or not current_user.is_authenticated:
        return None
    key = key.strip()
    if not 1 <= len(key) <= KEY_MAX:
        raise InvalidInput({"idempotency_key": _(
            "Een Idempotency-Key heeft 1 tot %(count)d tekens.", count=KEY_MAX)})
    this_request = f"{request.method} {request.path}"
    kept = _reserve(current_user.id, key, this_request)
    if kept is None:
        return None
    if kept.request != this_request:
        raise InvalidInput({"idempotency_key": _(
            "Deze Idempotency-Key is al gebruikt voor een ander verzoek.")})
    if kept.status is None:
        response, status = error_response(409, _(
            "Een verzoek met deze Idempotency-Key wordt nog verwerkt. Probeer het zo opnieuw."))
        response.status_code, response.headers["Retry-After"] = status, "1"
        return response
    return Response(kept.body, status=kept.status, mimetype="application/json",
                    headers={"Idempotent-Replayed": "true"})


def _reserve(user_id: int, key: str, this_request: str) -> IdempotentAnswer | None:
    """None when the key is now reserved for this request, else the row that holds it."""
    mine = (IdempotentAnswer.user_id == user_id) & (IdempotentAnswer.key == key)
    now = utcnow()
    db.session.execute(delete(IdempotentAnswer).where(mine, or_(
        IdempotentAnswer.created_at < now - KEEP,
        IdempotentAnswer.status.is_(None) & (IdempotentAnswer.created_at < now - ABANDONED))))
    row = IdempotentAnswer(user_id=user_id, key=key, request=this_request)
    db.session.add(row)
    try:
        db.session.commit()
    except IntegrityError:  # kept, or reserved a moment ago by a request in another worker
        db.session.rollback()
        return db.session.scalar(select(IdempotentAnswer).where(mine))
    g.idempotent_answer_id = row.id
    return None


def keep_answer(response: Response) -> Response:
    """After the request that reserved a key: keep its answer, or free the key after a 5xx."""
    reserved = g.pop("idempotent_answer_id", None)
    if reserved is None:
        return response
    db.session.rollback()  # whatever the request left unfinished is not ours to commit
    if response.status_code >= 500:
        db.session.execute(delete(IdempotentAnswer).where(IdempotentAnswer.id == reserved))
    else:
        db.session.execute(update(IdempotentAnswer).where(IdempotentAnswer.id == reserved)
                           .values(status=response.status_code,
                                   body=response.get_data(as_text=True)))
    db.session.commit()
    return response


def forget_old_answers(now: datetime) -> int:
    """Remove answers kept longer than KEEP; the caller commits."""
    return db.session.execute(delete(IdempotentAnswer).where(
        IdempotentAnswer.created_at < now - KEEP)).rowcount
