"""Reading the audit log with the filters a beheerder chose."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from flask_babel import get_timezone
from sqlalchemy import Select, or_, select
from sqlalchemy.orm import joinedload

from ..admin.queries import user_matches
from ..auth.models import User
from .models import AuditEvent


@dataclass
class AuditFilters:
    action: str = ""
    person: str = ""
    outcome: str = ""
    start: date | None = None
    end: date | None = None


def filtered_events(filters: AuditFilters) -> Select:
    """Newest first; the period is in local days (Europe/Amsterdam), the log keeps UTC."""
    query = select(AuditEvent).options(joinedload(AuditEvent.actor))
    if filters.action:
        query = query.where(AuditEvent.action == filters.action)
    if filters.outcome:
        query = query.where(AuditEvent.outcome == filters.outcome)
    if filters.person.strip():
        people = select(User.id).where(user_matches(filters.person))
        query = query.where(or_(AuditEvent.actor_id.in_(people),
                                (AuditEvent.object_type == "users")
                                & AuditEvent.object_id.in_(people)))
    if filters.start:
        query = query.where(AuditEvent.at >= _local_midnight(filters.start))
    if filters.end:
        query = query.where(AuditEvent.at < _local_midnight(filters.end + timedelta(days=1)))
    return query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc())


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=get_timezone()).astimezone(timezone.utc)
