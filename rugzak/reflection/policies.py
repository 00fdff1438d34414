"""Who may see, plan, prepare and run which reflection session: the one place these rules live.

The core team plans sessions, sees them all, and changes or cancels them until they are closed.
Everyone invited (a participant or the facilitator) sees the session, prepares and answers the
temperature check; the facilitator and the core team run it. Anyone else gets 404: a session's
existence is not revealed.
"""
from __future__ import annotations

from ..auth.models import User
from ..auth.policies import may_curate, require
from ..errors import NotFound
from ..extensions import db
from .models import ReflectionFormat, ReflectionSession


def may_plan(user: User) -> bool:
    return may_curate(user)


def is_invited(user: User, session: ReflectionSession) -> bool:
    return session.facilitator_id == user.id or any(p.id == user.id
                                                    for p in session.participants)


def can_view(user: User, session: ReflectionSession) -> bool:
    return may_plan(user) or is_invited(user, session)


def may_run(user: User, session: ReflectionSession) -> bool:
    return session.facilitator_id == user.id or may_plan(user)


def may_change(user: User, session: ReflectionSession) -> bool:
    """Change or cancel: the core team, while the session is neither closed nor cancelled."""
    return may_plan(user) and session.is_open


def session_or_404(session_id: int, user: User) -> ReflectionSession:
    session = db.session.get(ReflectionSession, session_id)
    if session is None or not can_view(user, session):
        raise NotFound()
    return session


def run_or_404(session_id: int, user: User) -> ReflectionSession:
    """A session the user sees (404 otherwise) and may run (403 otherwise)."""
    session = session_or_404(session_id, user)
    require(may_run(user, session))
    return session


def change_or_404(session_id: int, user: User) -> ReflectionSession:
    """A session the user sees (404 otherwise) and may change (403 otherwise)."""
    session = session_or_404(session_id, user)
    require(may_change(user, session))
    return session


def format_or_404(format_id: int, user: User) -> ReflectionFormat:
    require(may_plan(user))
    found = db.session.get(ReflectionFormat, format_id)
    if found is None:
        raise NotFound()
    return found
