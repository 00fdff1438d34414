"""When an experience asks "Klopt dit nog?", and who answers: the one place these rules live.

An experience is due when it is published, not in the bin, not history, and neither published,
changed nor confirmed in the last REVIEW_AFTER_MONTHS. Its author answers; when the author has
left (deactivated or erased), the core team does.
"""
from __future__ import annotations

import calendar
from datetime import datetime

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import ColumnElement, and_, or_

from ..auth.models import User
from ..auth.roles import Role
from ..errors import Forbidden
from ..experiences.models import Experience, Status
from ..experiences.policies import get_visible_or_404, not_deleted
from ..timeutil import utcnow

REVIEW_REFUSED = _l("Alleen de auteur beantwoordt „Klopt dit nog?”; als de auteur weg is, "
                    "het kernteam.")


def months_before(moment: datetime, months: int) -> datetime:
    """The same day `months` calendar months earlier (the month's last day if it is shorter)."""
    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def review_cutoff(now: datetime | None = None) -> datetime:
    """Experiences unchanged and unconfirmed since before this moment are due."""
    return months_before(now or utcnow(), current_app.config["REVIEW_AFTER_MONTHS"])


def due_clause(cutoff: datetime) -> ColumnElement[bool]:
    return and_(Experience.status == Status.GEPUBLICEERD, not_deleted(),
                Experience.historical_at.is_(None), Experience.updated_at < cutoff,
                or_(Experience.published_at.is_(None), Experience.published_at < cutoff),
                or_(Experience.confirmed_at.is_(None), Experience.confirmed_at < cutoff))


def is_due(experience: Experience, cutoff: datetime) -> bool:
    """The Python twin of `due_clause`, for one row."""
    return (experience.is_published and not experience.is_deleted
            and not experience.is_historical
            and all(moment is None or moment < cutoff for moment in (
                experience.published_at, experience.confirmed_at))
            and experience.updated_at < cutoff)


def review_state(experience: Experience) -> dict:
    """The API's freshness fields of an experience."""
    return {"review_due": is_due(experience, review_cutoff()),
            "confirmed_at": experience.confirmed_at,
            "historical_since": experience.historical_at}


def author_left(experience: Experience) -> bool:
    return not experience.author.active


def may_review(user: User, experience: Experience) -> bool:
    if not experience.is_published or experience.is_deleted:
        return False
    if author_left(experience):
        return user.role == Role.KERNTEAM
    return user.id == experience.author_id


def reviewable_or_404(experience_id: int, user: User) -> Experience:
    """404 for what the user may not see; 403 for one they may see but do not answer for."""
    experience = get_visible_or_404(experience_id, user)
    if not may_review(user, experience):
        raise Forbidden(REVIEW_REFUSED)
    return experience
