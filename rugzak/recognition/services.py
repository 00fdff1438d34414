"""Recognising an experience and taking it back; the count on the experience follows."""
from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from ..auth.models import User
from ..errors import InvalidInput, NotFound
from ..experiences.models import Experience
from ..experiences.policies import can_view
from ..extensions import db
from ..notifications.services import experience_recognised
from ..search.changelog import EXPERIENCE, record_changes
from .models import Recognition
from .policies import recognition_refused
from .queries import has_recognised


def recognise(user: User, experience: Experience) -> None:
    """One per person: recognising twice changes nothing."""
    if not can_view(user, experience):
        raise NotFound()
    refused = recognition_refused(user, experience)
    if refused:
        raise InvalidInput({"experience": refused})
    if has_recognised(user, experience):
        return
    db.session.add(Recognition(experience_id=experience.id, user_id=user.id))
    try:
        _recount(experience)
        experience_recognised(user, experience)
        db.session.commit()
    except IntegrityError:  # the same person, twice at the same moment
        db.session.rollback()


def take_back(user: User, experience: Experience) -> None:
    row = db.session.get(Recognition, (experience.id, user.id))
    if row is not None:
        db.session.delete(row)
        _recount(experience)
        db.session.commit()


def _recount(experience: Experience) -> None:
    """Count again rather than add one: concurrent clicks cannot drift the number."""
    db.session.flush()
    count = (select(func.count()).select_from(Recognition)
             .where(Recognition.experience_id == experience.id).scalar_subquery())
    db.session.execute(update(Experience).where(Experience.id == experience.id)
                       .values(recognition_count=count)
                       .execution_options(synchronize_session=False))
    record_changes(db.session, EXPERIENCE, [experience.id])
