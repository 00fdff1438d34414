"""Reading the taxonomy."""
from __future__ import annotations

from sqlalchemy import func, select

from ..auth.models import User
from ..experiences.models import Experience, Status, experience_tags
from ..experiences.policies import visible_clause
from ..extensions import db
from .kinds import EntryKind
from .models import Condition, Department, Goal, Partner, Tag


def taxonomy_for_filters() -> dict[str, list]:
    """Everything a filter may offer, retired entries included: old experiences carry them."""
    return {
        "departments": list(db.session.scalars(select(Department).order_by(Department.name))),
        "partners": list(db.session.scalars(select(Partner).order_by(Partner.name))),
        "conditions": list(db.session.scalars(select(Condition).order_by(Condition.position))),
        "goals": list(db.session.scalars(select(Goal).order_by(Goal.position))),
    }


def tags_with_counts(user: User) -> list[tuple[Tag, int]]:
    """Tags on at least one published experience the user may see, with that number."""
    return [(tag, number) for tag, number in db.session.execute(_tag_counts(user))]


def tag_with_count(user: User, tag_id: int) -> tuple[Tag, int] | None:
    """One tag as `tags_with_counts` gives it; None for a tag the user sees on no experience."""
    row = db.session.execute(_tag_counts(user).where(Tag.id == tag_id)).first()
    return (row[0], row[1]) if row else None


def _tag_counts(user: User):
    return (select(Tag, func.count(Experience.id))
            .join(experience_tags, experience_tags.c.tag_id == Tag.id)
            .join(Experience, Experience.id == experience_tags.c.experience_id)
            .where(visible_clause(user), Experience.status == Status.GEPUBLICEERD)
            .group_by(Tag.id).order_by(Tag.name))


def entries_of(kind: EntryKind) -> list:
    """A named list in its order (goals and conditions by position), retired entries too."""
    model = kind.model
    order = [model.position] if kind.has_description else []
    return list(db.session.scalars(select(model).order_by(*order, model.name)))
