"""Deleting an experience into the bin and restoring it; nothing leaves the database."""
from __future__ import annotations

from flask import abort
from sqlalchemy import Select, select

from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..experiences.models import Experience
from ..experiences.visibility import can_view
from ..extensions import db
from ..timeutil import utcnow


def may_delete(user: User, experience: Experience) -> bool:
    """The author, or a curator who can see it."""
    return can_view(user, experience) and (experience.author_id == user.id or user.is_curator)


def may_use_bin(user: User) -> bool:
    return user.is_authenticated and user.is_curator


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


def get_binned_or_404(experience_id: int) -> Experience:
    experience = db.session.get(Experience, experience_id)
    if experience is None or not experience.is_deleted:
        abort(404)
    return experience
