"""Reads for the privacy pages: confirmed findings, and what an erasure would touch."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import joinedload

from ..agenda.models import AgendaItem, AgendaUpdate
from ..agenda.policies import visible_items_clause
from ..auth.models import User
from ..comments.models import Comment
from ..experiences.models import Experience
from ..experiences.policies import visible_clause
from ..extensions import db
from .models import PrivacyFinding
from .names import mentions_any, words_naming

EXPERIENCE_TEXTS = (Experience.title, Experience.situation, Experience.task, Experience.approach,
                    Experience.result, Experience.lesson, Experience.tip)


@dataclass(frozen=True)
class TextsNaming:
    """The texts `viewer` can open that still mention a name, and how many experiences
    naming it they cannot open: erasure does not rewrite texts."""
    experiences: list[Experience]
    comments: list[tuple[Comment, Experience]]
    agenda_items: list[AgendaItem]
    unopenable_experiences: int

    @property
    def any_openable(self) -> bool:
        return bool(self.experiences or self.comments or self.agenda_items)


def confirmed_findings(user: User) -> Select:
    """Newest first; a finding on (a text on) an experience only if `user` may see it."""
    return (select(PrivacyFinding).outerjoin(PrivacyFinding.experience)
            .where(or_(PrivacyFinding.experience_id.is_(None), visible_clause(user)))
            .options(joinedload(PrivacyFinding.experience),
                     joinedload(PrivacyFinding.confirmed_by))
            .order_by(PrivacyFinding.confirmed_at.desc(), PrivacyFinding.id.desc()))


def authored_count(user: User) -> int:
    return db.session.scalar(select(func.count()).select_from(Experience)
                             .where(Experience.author_id == user.id))


def texts_naming(name: str, viewer: User) -> TextsNaming:
    words = words_naming(name)
    naming = or_(*(mentions_any(text, words) for text in EXPERIENCE_TEXTS))
    experiences = db.session.scalars(
        select(Experience).where(visible_clause(viewer), naming).order_by(Experience.id))
    unopenable = db.session.scalar(select(func.count()).select_from(Experience)
                                   .where(~visible_clause(viewer), naming))
    comments = db.session.execute(
        select(Comment, Experience).join(Experience, Comment.experience_id == Experience.id)
        .where(visible_clause(viewer), Comment.deleted_at.is_(None),
               mentions_any(Comment.body, words))
        .order_by(Comment.id))
    agenda_items = db.session.scalars(
        select(AgendaItem).where(visible_items_clause(viewer), or_(
            mentions_any(AgendaItem.title, words), mentions_any(AgendaItem.description, words),
            AgendaItem.updates.any(mentions_any(AgendaUpdate.text, words))))
        .order_by(AgendaItem.id))
    return TextsNaming(list(experiences), [tuple(row) for row in comments], list(agenda_items),
                       unopenable)
