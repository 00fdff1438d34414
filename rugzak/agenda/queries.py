"""Reading agenda items: what a user may see, filtered the way the list offers."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, case, select
from sqlalchemy.orm import selectinload

from ..auth.models import User
from ..experiences.models import Experience
from ..experiences.policies import can_view
from ..numbers import database_int
from ..taxonomy.models import Department, Partner
from .models import OPEN_STATUSES, AgendaItem, AgendaStatus, agenda_item_experiences
from .policies import visible_items_clause

LOADING = (selectinload(AgendaItem.owner_user), selectinload(AgendaItem.owner_department),
           selectinload(AgendaItem.owner_partner), selectinload(AgendaItem.experiences))


@dataclass
class AgendaFilters:
    status: str = ""
    owner: str = ""
    overdue: bool = False

    @classmethod
    def from_args(cls, args) -> "AgendaFilters":
        status = (args.get("status") or "").strip()
        return cls(status=status if status in set(AgendaStatus) else "",
                   owner=(args.get("owner") or "").strip()[:100],
                   overdue=args.get("overdue") == "1")

    def active(self) -> bool:
        return bool(self.status or self.owner or self.overdue)


def visible_items(user: User) -> Select:
    return select(AgendaItem).where(visible_items_clause(user)).options(*LOADING)


def filtered_items(user: User, filters: AgendaFilters, today: date | None = None) -> Select:
    """Open items first, soonest target date first; then the rest, newest first."""
    query = visible_items(user)
    if filters.status:
        query = query.where(AgendaItem.status == filters.status)
    if filters.overdue:
        query = query.where(AgendaItem.status.in_(OPEN_STATUSES),
                            AgendaItem.target_date < (today or date.today()))
    query = query.where(*_owner_condition(filters.owner)) if filters.owner else query
    is_open = case((AgendaItem.status.in_(OPEN_STATUSES), 0), else_=1)
    return query.order_by(is_open, AgendaItem.target_date.asc().nulls_last(),
                          AgendaItem.updated_at.desc(), AgendaItem.id.desc())


def _owner_condition(key: str) -> list:
    kind, _, value = key.partition(":")
    if kind == "user" and (user_id := database_int(value)) is not None:
        return [AgendaItem.owner_user_id == user_id]
    if kind == "department":
        return [AgendaItem.owner_department.has(Department.slug == value)]
    if kind == "partner":
        return [AgendaItem.owner_partner.has(Partner.slug == value)]
    return [AgendaItem.id.is_(None)]  # an owner that cannot exist finds nothing


def items_for_experiences(user: User, experience_ids: list[int], only_open: bool = False
                          ) -> Select:
    """Items the user may see that came from any of these experiences."""
    query = visible_items(user).where(AgendaItem.id.in_(
        select(agenda_item_experiences.c.agenda_item_id)
        .where(agenda_item_experiences.c.experience_id.in_(experience_ids))))
    if only_open:
        query = query.where(AgendaItem.status.in_(OPEN_STATUSES))
    return query.order_by(AgendaItem.target_date.asc().nulls_last(), AgendaItem.id)


def owner_options(items: list[AgendaItem]) -> list[tuple[str, str]]:
    """The owners of these items, for the list's owner filter."""
    seen = {item.owner_key: item.owner.name for item in items if item.owner is not None}
    return sorted(seen.items(), key=lambda pair: pair[1].lower())


def visible_linked(user: User, item: AgendaItem) -> list[Experience]:
    return [experience for experience in item.experiences if can_view(user, experience)]
