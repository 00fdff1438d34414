"""A person's sessions, in the data download; their throttling counters (failed sign-ins keyed
by their address, their request rate) are removed at erasure rather than left to expire."""
from __future__ import annotations

from sqlalchemy import select

from ..auth.models import User
from ..extensions import db
from ..personal_data import personal_data_section, user_erasing
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
