"""Throttling. Guesses at secrets are counted in the database, so every gunicorn worker (and
every server sharing the database) sees the same numbers: failed sign-ins and password resets
per account and per address, in one-minute buckets; a window is the sum of its buckets.

Request rates are counted in each worker's memory, per minute, so that a read request (a
search, an API call) writes nothing: per user API and search requests, forms sent (HTML
writes), expensive pages (reports) and feeds; per address the open pages. A limit therefore
holds per worker: with N workers one user can make at most N times as many requests before
every worker refuses.
"""
from __future__ import annotations

import hashlib
import math
import threading
from datetime import datetime, timedelta

from flask import Flask, current_app, make_response, request
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import String, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, mapped_column

from ..errors import error_response
from ..extensions import db
from ..timeutil import UTCDateTime, utcnow
from ..urls import is_open_path

BUCKET = timedelta(minutes=1)
EXTENSION = "rugzak.request_counts"
KEEP = timedelta(days=1)  # older buckets are removed whenever a new bucket starts
RATE_LIMITED_ENDPOINTS = {"search.index"}
ALWAYS_ALLOWED = {"auth.logout"}  # signing out is never refused
USER_COUNTS = ("rate", "writes", "reports", "feeds")  # what is counted per user, by kind
# Forms whose texts a refusal shows again to copy (none of them holds a password)
KEEPS_TYPED = {"experiences.new", "experiences.edit", "comments.add", "comments.edit"}
NOT_TYPED = {"csrf_token", "version"}


class RateCounter(db.Model):
    __tablename__ = "rate_counters"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    bucket: Mapped[datetime] = mapped_column(UTCDateTime, primary_key=True, index=True)
    hits: Mapped[int] = mapped_column(default=0)


def _bucket_of(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def add_hit(key: str, now: datetime | None = None) -> int:
    """Count one event for `key` in the current bucket; the bucket's new count. Caller commits."""
    bucket = _bucket_of(now or utcnow())
    insert = postgresql.insert if db.engine.dialect.name == "postgresql" else sqlite.insert
    table = RateCounter.__table__
    statement = (insert(table).values(key=key, bucket=bucket, hits=1)
                 .on_conflict_do_update(index_elements=[table.c.key, table.c.bucket],
                                        set_={"hits": table.c.hits + 1})
                 .returning(table.c.hits))
    hits = db.session.execute(statement).scalar_one()
    if hits == 1:
        db.session.execute(delete(RateCounter).where(RateCounter.bucket < bucket - KEEP))
    return hits


def seconds_until_below(key: str, limit: int, window: timedelta, now: datetime) -> float:
    """Seconds until fewer than `limit` events for `key` lie in the last `window`; 0 if so now.

    A bucket counts while its start lies within the window, so it leaves the window at most
    `window` from now: the wait never exceeds the window.
    """
    buckets = db.session.execute(
        select(RateCounter.bucket, RateCounter.hits)
        .where(RateCounter.key == key, RateCounter.bucket > now - window)
        .order_by(RateCounter.bucket)).all()
    excess = sum(hits for _bucket, hits in buckets) - limit
    wait = 0.0
    for bucket, hits in buckets:
        if excess < 0:
            break
        excess -= hits
        wait = (bucket + window - now).total_seconds()
    return wait


def forget(key: str) -> None:
    db.session.execute(delete(RateCounter).where(RateCounter.key == key))


# -- sign-in ------------------------------------------------------------------------------------
def _account_key(email: str) -> str:
    """Keyed by the typed address, known account or not: the answer reveals no accounts."""
    return "login:account:" + _digest_of(email)


def _digest_of(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:40]


def _address_key(address: str | None) -> str:
    return f"login:address:{address or '-'}"


def sign_in_retry_after(email: str, address: str | None) -> int | None:
    """Seconds until another sign-in may be tried, or None when it may be tried now."""
    config = current_app.config
    window = timedelta(minutes=config["SIGN_IN_FAILURE_WINDOW_MINUTES"])
    now = utcnow()
    wait = max(seconds_until_below(key, limit, window, now) for key, limit in (
        (_account_key(email), config["SIGN_IN_MAX_FAILURES_PER_ACCOUNT"]),
        (_address_key(address), config["SIGN_IN_MAX_FAILURES_PER_ADDRESS"])))
    return math.ceil(wait) if wait > 0 else None


def count_failed_sign_in(email: str, address: str | None) -> None:
    add_hit(_account_key(email))
    add_hit(_address_key(address))
    db.session.commit()


def forget_failed_sign_ins(email: str) -> None:
    forget(_account_key(email))
    db.session.commit()


def forget_counters_of(user) -> None:
    """Remove what is counted about `user` (another worker forgets its requests of this minute
    when the minute ends); the caller commits."""
    forget(_account_key(user.email))
    forget(_reset_key(user.email))
    for kind in USER_COUNTS:
        request_counts().forget(_user_key(kind, user.id))


# -- forgotten passwords -----------------------------------------------------------------------
RESET_WINDOW = timedelta(hours=1)


def _reset_key(email: str) -> str:
    """Keyed by the typed address, known account or not, as the sign-in counts."""
    return "reset:account:" + _digest_of(email)


def password_reset_retry_after(email: str, address: str | None) -> int | None:
    """Seconds until another reset link may be asked for this address or from this client."""
    config = current_app.config
    now = utcnow()
    wait = max(seconds_until_below(key, limit, RESET_WINDOW, now) for key, limit in (
        (_reset_key(email), config["PASSWORD_RESETS_PER_ADDRESS"]),
        (f"reset:address:{address or '-'}", config["PASSWORD_RESETS_PER_CLIENT"])))
    return math.ceil(wait) if wait > 0 else None


def count_password_reset(email: str, address: str | None) -> None:
    """Count a reset asked for; the caller commits."""
    add_hit(_reset_key(email))
    add_hit(f"reset:address:{address or '-'}")


# -- request rates: the API and search, HTML writes, expensive pages ---------------------------
def _user_key(kind: str, user_id: int) -> str:
    return f"{kind}:user:{user_id}"


def _request_limit() -> tuple[str, int] | None:
    """What the current request counts against: (kind, requests per user per minute)."""
    config = current_app.config
    if request.path.startswith("/api/") or request.endpoint in RATE_LIMITED_ENDPOINTS:
        return "rate", config["RATE_LIMIT_PER_MINUTE"]
    if request.method == "POST" and request.endpoint not in ALWAYS_ALLOWED:
        return "writes", config["HTML_WRITES_PER_MINUTE"]  # every form sent saves something
    return None


def over_limit(kind: str, per_minute: int):
    """Count this request of the signed-in user against `kind`; the 429 answer (Dutch, with
    Retry-After) when that makes more than `per_minute` this minute, else None."""
    retry_after = limit_wait(kind, per_minute, current_user)
    return None if retry_after is None else too_many_requests(retry_after)


def limit_wait(kind: str, per_minute: int, user) -> int | None:
    """Count one request of `user` against `kind`; the seconds to wait when that makes more
    than `per_minute` this minute, else None."""
    return _wait(_user_key(kind, user.id), per_minute)


class RequestCounts:
    """Requests per key in the current minute, in this worker's memory."""

    def __init__(self):
        self._lock = threading.Lock()
        self._minute: datetime | None = None
        self._counts: dict[str, int] = {}

    def add(self, key: str, now: datetime) -> int:
        """Count one request; how many `key` made this minute."""
        minute = _bucket_of(now)
        with self._lock:
            if minute != self._minute:
                self._minute, self._counts = minute, {}
            self._counts[key] = self._counts.get(key, 0) + 1
            return self._counts[key]

    def count(self, key: str) -> int:
        with self._lock:
            return self._counts.get(key, 0)

    def forget(self, key: str) -> None:
        with self._lock:
            self._counts.pop(key, None)


def request_counts() -> RequestCounts:
    return current_app.extensions[EXTENSION]


def _wait(key: str, per_minute: int) -> int | None:
    now = utcnow()
    if request_counts().add(key, now) <= per_minute:
        return None
    return int((_bucket_of(now) + BUCKET - now).total_seconds()) + 1


def too_many_requests(retry_after: int):
    """429 as a page or JSON; a page refusing a form shows what was typed (error.html)."""
    message = _("Te veel verzoeken. Wacht %(seconds)s seconden en probeer het opnieuw.",
                seconds=retry_after)
    response = make_response(error_response(429, message))
    response.headers["Retry-After"] = str(retry_after)
    return response


def typed_texts() -> list[tuple[str, str]]:
    """What the user typed into a refused text form, (field name, text), for error.html."""
    if request.endpoint not in KEEPS_TYPED:
        return []
    return [(name, value) for name, value in request.form.items(multi=True)
            if value.strip() and name not in NOT_TYPED]


def _check_request_rate():
    if is_open_path(request.path):  # the world reads these: counted per address
        retry_after = _wait(f"open:address:{request.remote_addr or '-'}",
                            current_app.config["OPEN_REQUESTS_PER_MINUTE"])
        return None if retry_after is None else too_many_requests(retry_after)
    limit = _request_limit() if current_user.is_authenticated else None
    return over_limit(*limit) if limit else None  # anonymous: turned away by the sign-in guard


def register_rate_limit(app: Flask) -> None:
    app.extensions[EXTENSION] = RequestCounts()
    app.before_request(_check_request_rate)
    app.add_template_global(typed_texts)
