"""A person's sessions and kept `Idempotency-Key` answers (without the answers), in the data
download; their throttling counters (failed sign-ins keyed by their address, their request
rate) and kept answers are removed at erasure rather than left to expire."""
from __future__ import annotations

from sqlalchemy import delete, select

from ..auth.models import User
from ..extensions import db
from ..personal_data import personal_data_section, user_erasing
from .idempotency import IdempotentAnswer
from .sessions import UserSession
from .throttle import forget_counters_of


@personal_data_section("sessions", UserSession.user_id)
def sessions(user: User) -> list[dict]:
    rows = db.session.scalars(select(UserSession).where(UserSession.user_id == user.id)
                              .order_by(UserSession.id))
    return [{"created_at": s.created_at, "last_seen_at": s.last_seen_at,
             "ended_at": s.ended_at, "end_reason": s.end_reason} for s in rows]


@user_erasing.connect
def remove_throttle_counters(user: User, **_options) -> None:
    forget_counters_of(user)


@personal_data_section("idempotent_answers", IdempotentAnswer.user_id)
def idempotent_answers(user: User) -> list[dict]:
    rows = db.session.scalars(select(IdempotentAnswer).where(IdempotentAnswer.user_id == user.id)
                              .order_by(IdempotentAnswer.id))
    return [{"key": row.key, "request": row.request, "status": row.status,
             "created_at": row.created_at} for row in rows]


@user_erasing.connect
def forget_idempotent_answers(user: User, **_options) -> None:
    db.session.execute(delete(IdempotentAnswer).where(IdempotentAnswer.user_id == user.id))
