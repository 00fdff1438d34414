"""Deleting an experience into the bin and restoring it; nothing leaves the database."""
from __future__ import annotations

from sqlalchemy import Select, select

from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..experiences.models import Experience
from ..extensions import db
from ..open.services import end_open_sharing
from ..timeutil import utcnow
from .policies import ensure_may_delete, ensure_may_restore, own_undo_clause


def delete_experience(actor: User, experience: Experience) -> None:
    ensure_may_delete(actor, experience)
    experience.deleted_at = utcnow()
    experience.deleted_by_id = actor.id
    record(Action.EXPERIENCE_DELETED, target=experience)
    end_open_sharing(experience, "verwijderd")
    db.session.commit()


def restore_experience(actor: User, experience: Experience) -> None:
    ensure_may_restore(actor, experience)
    experience.deleted_at = None
    experience.deleted_by_id = None
    record(Action.EXPERIENCE_UNDELETED, target=experience)
    db.session.commit()


def binned() -> Select:
    """What is in the bin, most recently deleted first."""
    return (select(Experience).where(Experience.deleted_at.is_not(None))
            .order_by(Experience.deleted_at.desc(), Experience.id.desc()))


def binned_by_author(user: User) -> Select:
    """What `user` wrote and put in the bin themselves, most recent first: their own undo."""
    return binned().where(own_undo_clause(user))
