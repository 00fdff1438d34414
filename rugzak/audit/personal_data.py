"""What the audit log holds by or about a person, in the data download."""
from __future__ import annotations

from sqlalchemy import and_, or_, select

from ..auth.models import User
from ..extensions import db
from ..personal_data import personal_data_section
from .models import AuditEvent


@personal_data_section("audit_events", AuditEvent.actor_id)
def audit_events(user: User) -> list[dict]:
    about = or_(AuditEvent.actor_id == user.id,
                and_(AuditEvent.object_type == User.__tablename__,
                     AuditEvent.object_id == user.id))
    rows = db.session.scalars(select(AuditEvent).where(about).order_by(AuditEvent.id))
    return [{"at": e.at, "action": e.action, "outcome": e.outcome,
             "by_this_user": e.actor_id == user.id, "object_type": e.object_type,
             "object_id": e.object_id, "address": e.address, "detail": e.detail,
             "times": e.times} for e in rows]
