"""Refusals in the audit log (BIO2 8.15): 401, 403, 404, CSRF and 429 answers.

Aggregated, so an attack cannot flood the log: one event per kind, actor (or address when
nobody is signed in) and route per minute, whose `times` counts the refusals it stands for.
The route is the URL rule (`GET /ervaringen/<int:experience_id>`), never the path typed, and
every unknown address is one route: trying ten thousand URLs makes one event a minute. The
minute is counted in `rate_counters`, shared by every worker like the other limits.

Failed sign-ins are left out: the sign-in pages (password and organisation account) record
those themselves; a failed OpenID Connect exchange is a refusal counted here with its reason.
"""
from __future__ import annotations

import hashlib
import logging

from flask import Flask, g, request
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from sqlalchemy import func, select, update
from sqlalchemy.exc import SQLAlchemyError

from ..errors import handle_http_exception
from ..extensions import db
from ..security.throttle import add_hit
from .models import Action, AuditEvent, Outcome
from .services import record

log = logging.getLogger(__name__)
BY_STATUS = {401: Action.REFUSED_SIGN_IN, 403: Action.REFUSED_FORBIDDEN,
             404: Action.REFUSED_NOT_FOUND, 429: Action.REFUSED_RATE}
SELF_AUDITED = {"auth.login", "sso.start", "sso.callback"}
UNKNOWN_ROUTE = "(onbekende pagina)"


def register_refusal_audit(app: Flask) -> None:
    app.register_error_handler(CSRFError, _csrf_refused)
    app.after_request(_audit_refusal)


def _csrf_refused(error: CSRFError):
    g.refused_csrf = True
    return handle_http_exception(error)


def _audit_refusal(response):
    kind = Action.REFUSED_CSRF if g.get("refused_csrf") else BY_STATUS.get(response.status_code)
    if kind is not None and request.endpoint not in SELF_AUDITED:
        try:
            db.session.rollback()  # a refused request keeps nothing but this event
            count_refusal(kind)
            db.session.commit()
        except SQLAlchemyError:
            db.session.rollback()
            log.exception("could not audit a refusal")
    return response


def count_refusal(kind: Action, reason: str = "") -> None:
    """Add this refusal to the event of its kind, actor, route (and reason) this minute. Caller
    commits."""
    actor = current_user if current_user.is_authenticated else None
    route = f"{request.method} {request.url_rule.rule if request.url_rule else UNKNOWN_ROUTE}"
    route += f": {reason}" if reason else ""
    who = f"user {actor.id}" if actor else f"address {request.remote_addr}"
    key = "refusal:" + hashlib.sha256(f"{kind}|{who}|{route}".encode()).hexdigest()[:40]
    times = add_hit(key)
    if times == 1:
        record(kind, outcome=Outcome.DENIED, detail=route, actor=actor)
        return
    db.session.execute(update(AuditEvent).where(AuditEvent.id == _latest_event(
        kind, actor, route)).values(times=times))


def _latest_event(kind: Action, actor, route: str):
    same_actor = (AuditEvent.actor_id == actor.id) if actor else (
        AuditEvent.actor_id.is_(None) & (AuditEvent.address == request.remote_addr))
    return select(func.max(AuditEvent.id)).where(
        AuditEvent.action == kind, same_actor, AuditEvent.detail == route).scalar_subquery()
