"""Recording audit events inside the caller's transaction, so an event and its change commit
together (or not at all)."""
from __future__ import annotations

from flask import has_request_context, request
from flask_login import current_user

from ..extensions import db
from .models import Action, AuditEvent, Outcome

DETAIL_MAX = 500
_CURRENT = object()


def record(action: Action, *, target=None, outcome: Outcome = Outcome.SUCCESS,
           detail: str = "", actor=_CURRENT) -> AuditEvent:
    """Add an event to the session; the caller commits. `target` is any model with an id.

    The actor defaults to the signed-in user of the request (None on the command line).
    """
    if actor is _CURRENT:
        actor = _signed_in_user()
    event = AuditEvent(action=action, outcome=outcome, detail=detail[:DETAIL_MAX],
                       actor_id=actor.id if actor is not None else None,
                       address=request.remote_addr if has_request_context() else None)
    if target is not None:
        if target.id is None:
            db.session.flush()
        event.object_type = target.__tablename__
        event.object_id = target.id
    db.session.add(event)
    return event


def _signed_in_user():
    if has_request_context() and current_user.is_authenticated:
        return current_user
    return None
