"""Correcting the date of an experience saved outside the plausible range."""
from __future__ import annotations

from datetime import date

from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..auth.policies import require
from ..dates import occurred_problem
from ..errors import InvalidInput, NotFound
from ..experiences.models import Experience
from ..extensions import db
from ..revisions.recording import keep_baseline, record_revision
from ..timeutil import utcnow
from .policies import may_correct_dates
from .queries import implausible_experiences


def correct_experience_date(actor: User | None, experience_id: int,
                            day: date | None) -> Experience:
    """Give an implausibly dated experience a plausible date, or none (unknown). Only such
    experiences: this is no way round the author's right to edit their own text."""
    require(may_correct_dates(actor))
    experience = db.session.scalar(
        implausible_experiences().where(Experience.id == experience_id))
    if experience is None:
        raise NotFound()
    problem = occurred_problem(day)
    if problem:
        raise InvalidInput({"occurred_on": problem})
    keep_baseline(experience)
    before = experience.occurred_on
    experience.occurred_on = day
    experience.updated_at = utcnow()
    record_revision(experience, actor)
    record(Action.DATE_CORRECTED, target=experience, actor=actor,
           detail=f"{before.isoformat()} → {day.isoformat() if day else '-'}")
    db.session.commit()
    return experience
