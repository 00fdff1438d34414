"""Reading agenda items: what a user may see, filtered the way the list offers."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, case, select
from sqlalchemy.orm import selectinload

from ..auth.models import User
from ..experiences.models import Experience
from ..experiences.policies import can_view, visible_clause
from ..extensions import db
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


@dataclass(frozen=True)
class HistoryLine:
    changed_at: datetime
    changed_by: str | None
    field: str
    old_value: str
    new_value: str


EXPERIENCE_NUMBER = re.compile(r"#(\d+)")


def readable_history(user: User, item: AgendaItem) -> list[HistoryLine]:
    """The item's history as `user` may read it: the numbers of linked experiences they may
    not see are left out, and so is a line that changed only those."""
    visible = _visible_ids(user, [c.old_value + c.new_value for c in item.changes
                                  if c.field == "experiences"])
    lines = []
    for change in item.changes:
        old, new = change.old_value, change.new_value
        if change.field == "experiences":
            old, new = _numbers_in(old, visible), _numbers_in(new, visible)
            if old == new:
                continue
        lines.append(HistoryLine(change.changed_at,
                                 change.changed_by.name if change.changed_by else None,
                                 change.field, old, new))
    return lines


def _visible_ids(user: User, texts: list[str]) -> set[int]:
    named = {int(number) for text in texts for number in EXPERIENCE_NUMBER.findall(text)}
    if not named:
        return set()
    return set(db.session.scalars(select(Experience.id).where(
        Experience.id.in_(named), visible_clause(user))))


def _numbers_in(text: str, visible: set[int]) -> str:
    return ", ".join(f"#{number}" for number in map(int, EXPERIENCE_NUMBER.findall(text))
                     if number in visible)
