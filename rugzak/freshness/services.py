"""Answering "Klopt dit nog?": still holds, or history. An update is an ordinary edit.

These are marks, not edits of the text (as highlighting): no new version, the "last changed"
date stays. They do check the version the person read, as every edit does: whoever confirms
must have seen what is there now.
"""
from __future__ import annotations

from sqlalchemy import update

from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..errors import Forbidden, StaleVersion
from ..experiences.models import Experience
from ..extensions import db
from ..search.changelog import EXPERIENCE, record_changes
from ..timeutil import utcnow
from .policies import REVIEW_REFUSED, may_review


def confirm_current(actor: User, experience: Experience, version: int | None) -> None:
    """Still holds: asks again after REVIEW_AFTER_MONTHS; ends "history" too."""
    _mark(actor, experience, version, Action.EXPERIENCE_CONFIRMED,
          confirmed_at=utcnow(), historical_at=None)


def mark_historical(actor: User, experience: Experience, version: int | None) -> None:
    """History: kept and findable, shown as history, never asked about again."""
    _mark(actor, experience, version, Action.EXPERIENCE_MADE_HISTORICAL,
          historical_at=experience.historical_at or utcnow())


def _mark(actor: User, experience: Experience, version: int | None, action: Action,
          **values) -> None:
    if not may_review(actor, experience):
        raise Forbidden(REVIEW_REFUSED)
    if version != experience.version:
        raise StaleVersion(experience)
    marked = db.session.execute(
        update(Experience).where(Experience.id == experience.id, Experience.version == version)
        .values(**values).execution_options(synchronize_session="fetch"))
    if marked.rowcount != 1:  # saved in between the check and this update
        db.session.rollback()
        raise StaleVersion(db.session.get(Experience, experience.id))
    record_changes(db.session, EXPERIENCE, [experience.id])
    record(action, target=experience, actor=actor)
    db.session.commit()
