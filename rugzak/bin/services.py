"""Deleting an experience into the bin and restoring it; nothing leaves the database."""
from __future__ import annotations

from sqlalchemy import Select, select

from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..experiences.models import Experience
from ..extensions import db
from ..timeutil import utcnow


def delete_experience(user: User, experience: Experience) -> None:
    experience.deleted_at = utcnow()
    experience.deleted_by_id = user.id
    record(Action.EXPERIENCE_DELETED, target=experience)
    db.session.commit()


def restore_experience(experience: Experience) -> None:
    experience.deleted_at = None
    experience.deleted_by_id = None
    record(Action.EXPERIENCE_UNDELETED, target=experience)
    db.session.commit()


def binned() -> Select:
    """What is in the bin, most recently deleted first."""
    return (select(Experience).where(Experience.deleted_at.is_not(None))
            .order_by(Experience.deleted_at.desc(), Experience.id.desc()))
