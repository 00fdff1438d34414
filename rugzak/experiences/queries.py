"""Reading experiences: what a user may see, filtered the way the list page offers."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, and_, select
from sqlalchemy.orm import selectinload

from ..auth.models import User
from ..taxonomy.models import Condition, Department, Goal, Tag
from .models import Experience, ExperienceCondition, Status
from .policies import not_deleted, visible_clause

LIST_LOADING = (
    selectinload(Experience.departments), selectinload(Experience.partners),
    selectinload(Experience.goals), selectinload(Experience.tags),
    selectinload(Experience.conditions), selectinload(Experience.author),
)


@dataclass
class ListFilters:
    department: str = ""
    condition: str = ""
    effect: str = ""
    goal: str = ""
    kind: str = ""
    highlighted: str = ""
    tag: str = ""

    @classmethod
    def from_args(cls, args) -> "ListFilters":
        return cls(**{name: (args.get(name) or "").strip() for name in cls.__dataclass_fields__})

    def active(self) -> dict[str, str]:
        return {name: value for name, value in vars(self).items() if value}


def visible_experiences(user: User) -> Select:
    """Published experiences the user may see (drafts belong in "Mijn ervaringen")."""
    return (select(Experience).where(visible_clause(user),
                                     Experience.status == Status.GEPUBLICEERD)
            .options(*LIST_LOADING))


def newest_first(query: Select) -> Select:
    return query.order_by(Experience.published_at.desc().nulls_last(), Experience.id.desc())


def ordered(query: Select, sort: str | None) -> Select:
    """"herkenbaar": most recognised first; otherwise newest first."""
    if sort == "herkenbaar":
        query = query.order_by(Experience.recognition_count.desc())
    return newest_first(query)


def apply_filters(query: Select, filters: ListFilters) -> Select:
    if filters.kind:
        query = query.where(Experience.kind == filters.kind)
    if filters.highlighted:
        query = query.where(Experience.highlighted_at.is_not(None))
    if filters.tag:
        query = query.where(Experience.tags.any(Tag.name == filters.tag))
    if filters.department:
        query = query.where(Experience.departments.any(Department.slug == filters.department))
    if filters.goal:
        query = query.where(Experience.goals.any(Goal.slug == filters.goal))
    link = []
    if filters.condition:
        link.append(ExperienceCondition.condition.has(Condition.slug == filters.condition))
    if filters.effect:
        link.append(ExperienceCondition.effect == filters.effect)
    if link:
        query = query.where(Experience.conditions.any(and_(*link)))
    return query


def own_experiences(user: User) -> Select:
    return (select(Experience).where(Experience.author_id == user.id, not_deleted())
            .options(*LIST_LOADING)
            .order_by(Experience.status, Experience.updated_at.desc()))
