"""What asks "Klopt dit nog?" now, and whom it asks."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, select

from ..auth.models import User
from ..auth.roles import Role
from ..experiences.models import Experience
from ..experiences.queries import LIST_LOADING, visible_experiences
from ..extensions import db
from .policies import due_clause, review_cutoff


@dataclass
class ReviewReminder:
    """One due experience and the people asked to answer for it."""
    experience: Experience
    recipients: list[User]


def _oldest_first(query: Select) -> Select:
    return query.order_by(Experience.updated_at, Experience.id)


def due_for_author(user: User) -> list[Experience]:
    """The person's own experiences that ask them (the home page's list)."""
    return list(db.session.scalars(_oldest_first(
        select(Experience).where(Experience.author_id == user.id,
                                 due_clause(review_cutoff())).options(*LIST_LOADING))))


def overdue(viewer: User) -> Select:
    """Every due experience the viewer may see (the core team's list on /beheer)."""
    return _oldest_first(visible_experiences(viewer).where(due_clause(review_cutoff())))


def overdue_count(viewer: User) -> int:
    return db.session.scalar(select(func.count()).select_from(
        overdue(viewer).order_by(None).subquery()))


def due_reminders(now: datetime | None = None) -> Iterator[ReviewReminder]:
    """Every due experience with whom to remind: its author, or when the author has left the
    active core team. For notifications and e-mail to build on."""
    core_team = list(db.session.scalars(select(User).where(
        User.role == Role.KERNTEAM, User.active.is_(True)).order_by(User.id)))
    rows = db.session.scalars(_oldest_first(select(Experience).where(
        due_clause(review_cutoff(now))).options(*LIST_LOADING)))
    for experience in rows:
        author = experience.author
        yield ReviewReminder(experience, [author] if author.active else core_team)
