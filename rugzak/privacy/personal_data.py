"""Everything Rugzak stores about one user, as one JSON-ready dict (AVG right of access).

The sections about the account itself are here; every other feature that keeps data about a
person registers its own with `@personal_data_section("name")` in its `personal_data` module,
listed in contributors.py; the download then includes it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import date, datetime

from sqlalchemy import and_, or_, select

from ..audit.models import AuditEvent
from ..auth.models import ApiToken, User
from ..experiences.models import Experience
from ..experiences.services import ExperienceInput
from ..extensions import db
from ..security.sessions import UserSession
from .models import PrivacyFinding

Section = Callable[[User], object]
SECTIONS: dict[str, Section] = {}


def personal_data_section(name: str) -> Callable[[Section], Section]:
    def register(collect: Section) -> Section:
        SECTIONS[name] = collect
        return collect

    return register


def personal_data(user: User) -> dict:
    return {name: collect(user) for name, collect in SECTIONS.items()}


def jsonable(value):
    """json.dumps default: dates as ISO 8601."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


@personal_data_section("account")
def _account(user: User) -> dict:
    return {"id": user.id, "email": user.email, "name": user.name, "role": user.role,
            "department": user.department.name if user.department else None,
            "partner": user.partner.name if user.partner else None,
            "locale": user.locale, "active": user.active, "created_at": user.created_at}


@personal_data_section("experiences")
def _experiences(user: User) -> list[dict]:
    rows = db.session.scalars(select(Experience).where(Experience.author_id == user.id)
                              .order_by(Experience.id))
    return [{"id": row.id, **asdict(ExperienceInput.from_experience(row)),
             "version": row.version, "created_at": row.created_at,
             "updated_at": row.updated_at, "published_at": row.published_at,
             "hidden_at": row.hidden_at, "hidden_reason": row.hidden_reason} for row in rows]


@personal_data_section("audit_events")
def _audit_events(user: User) -> list[dict]:
    about = or_(AuditEvent.actor_id == user.id,
                and_(AuditEvent.object_type == User.__tablename__,
                     AuditEvent.object_id == user.id))
    rows = db.session.scalars(select(AuditEvent).where(about).order_by(AuditEvent.id))
    return [{"at": e.at, "action": e.action, "outcome": e.outcome,
             "by_this_user": e.actor_id == user.id, "object_type": e.object_type,
             "object_id": e.object_id, "address": e.address, "detail": e.detail} for e in rows]


@personal_data_section("sessions")
def _sessions(user: User) -> list[dict]:
    rows = db.session.scalars(select(UserSession).where(UserSession.user_id == user.id)
                              .order_by(UserSession.id))
    return [{"created_at": s.created_at, "last_seen_at": s.last_seen_at,
             "ended_at": s.ended_at, "end_reason": s.end_reason} for s in rows]


@personal_data_section("api_tokens")
def _api_tokens(user: User) -> list[dict]:
    rows = db.session.scalars(select(ApiToken).where(ApiToken.user_id == user.id)
                              .order_by(ApiToken.id))
    return [{"created_at": t.created_at, "last_used_at": t.last_used_at,
             "revoked": t.revoked} for t in rows]


@personal_data_section("privacy_findings_confirmed")
def _privacy_findings(user: User) -> list[dict]:
    rows = db.session.scalars(select(PrivacyFinding)
                              .where(PrivacyFinding.confirmed_by_id == user.id)
                              .order_by(PrivacyFinding.id))
    return [{"experience_id": f.experience_id, "field": f.field, "kind": f.kind,
             "snippet": f.snippet, "confirmed_at": f.confirmed_at} for f in rows]
