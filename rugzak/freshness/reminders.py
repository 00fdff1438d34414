"""Review reminders: each due experience asks whom it asks once per time it becomes due, as a
notification (and so by e-mail, as each person chose). Run daily by the served app's daily job
(rugzak/privacy/retention.py) and by `rugzak review remind`."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from ..experiences.models import Experience
from ..extensions import db
from ..notifications.models import Notification, NotificationKind
from ..notifications.services import review_due
from .queries import due_reminders


def remind_due(now: datetime | None = None) -> int:
    """Notify for every due experience not reminded of since it was last published, changed or
    confirmed; how many experiences asked."""
    asked = 0
    for reminder in due_reminders(now):
        if _reminded_since(reminder.experience, _last_answered(reminder.experience)):
            continue
        review_due({person.id for person in reminder.recipients}, reminder.experience)
        asked += 1
    db.session.commit()
    return asked


def _last_answered(experience: Experience) -> datetime:
    return max(moment for moment in (experience.updated_at, experience.published_at,
                                     experience.confirmed_at) if moment is not None)


def _reminded_since(experience: Experience, moment: datetime) -> bool:
    return db.session.scalar(select(Notification.id).where(
        Notification.experience_id == experience.id,
        Notification.kind == NotificationKind.REVIEW_REMINDER,
        Notification.created_at > moment).limit(1)) is not None
