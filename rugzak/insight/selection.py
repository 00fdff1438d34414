"""Which experiences a figure counts: what the user may see, narrowed by period and department.

A `Selection` is the small abstraction the reflection report shares with /inzicht: a title, a
description and the ids of visible experiences. A search, a period and a bundle each produce one
(a bundle adds its introduction and its notes per experience).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flask_babel import format_date
from flask_babel import gettext as _
from sqlalchemy import Date, Select, func, select

from ..auth.models import User
from ..dates import parse_day
from ..errors import InvalidInput
from ..experiences.models import Experience
from ..experiences.queries import visible_experiences
from ..extensions import db
from ..taxonomy.models import Department

FIELDS = ("start", "end", "department")
DEFAULT_QUARTERS = 12  # without a typed start: three years back, in whole quarters
MAX_YEARS = 10  # the longest period one page or report covers
FIRST_DAY = date(1900, 1, 1)  # a filter from before this is a typo (and beyond date arithmetic)


def happened_on():
    """The day an experience happened: its date, or else the (UTC) day it was published."""
    return func.coalesce(Experience.occurred_on, func.date(Experience.published_at),
                         type_=Date)


@dataclass
class PeriodFilters:
    """A period (both ends included) and a department, as typed in the /inzicht filter form."""

    start: date | None = None
    end: date | None = None
    department: Department | None = None
    typed: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_args(cls, args) -> "PeriodFilters":
        typed = {name: (args.get(name) or "").strip()[:100] for name in FIELDS}
        filters = cls(typed=typed)
        filters.start = filters._date("start")
        filters.end = filters._date("end")
        if not filters.errors:
            filters._complete_period()
        if typed["department"]:
            filters.department = db.session.scalar(
                select(Department).where(Department.slug == typed["department"]))
            if filters.department is None:
                filters.errors["department"] = _("Kies een afdeling uit de lijst.")
        return filters

    @classmethod
    def checked(cls, args) -> "PeriodFilters":
        """As `from_args`, but a wrong field refuses the request (InvalidInput)."""
        filters = cls.from_args(args)
        if filters.errors:
            raise InvalidInput(filters.errors)
        return filters

    def _complete_period(self) -> None:
        """Fill in what was left empty (the end: today; the start: DEFAULT_QUARTERS back), show
        it in the form, and refuse a reversed period or one longer than MAX_YEARS."""
        self.end = self.end or max(date.today(), self.start or date.min)
        self.start = self.start or quarters_before(self.end, DEFAULT_QUARTERS - 1)
        self.typed.update(start=self.typed["start"] or self.start.isoformat(),
                          end=self.typed["end"] or self.end.isoformat())
        if self.end < self.start:
            self.errors["end"] = _("De einddatum ligt vóór de begindatum.")
        elif self.start <= years_before(self.end, MAX_YEARS):
            self.errors["start"] = _("Kies een periode van hoogstens %(years)d jaar.",
                                     years=MAX_YEARS)

    def _date(self, name: str) -> date | None:
        if not self.typed[name]:
            return None
        try:
            day = parse_day(self.typed[name])
        except ValueError:
            self.errors[name] = _("Vul een datum in als jjjj-mm-dd, bijvoorbeeld 2025-03-14.")
            return None
        if day < FIRST_DAY:
            self.errors[name] = _("Kies een datum vanaf %(year)d.", year=FIRST_DAY.year)
            return None
        return day

    def args(self) -> dict[str, str]:
        """URL arguments that repeat this filter (for CSV links and the report)."""
        return {name: value for name, value in self.typed.items() if value}

    def describe(self) -> str:
        parts = [_("van %(start)s tot en met %(end)s", start=format_date(self.start, "long"),
                   end=format_date(self.end, "long"))]
        if self.department:
            parts.append(_("afdeling %(name)s", name=self.department.name))
        return ", ".join(parts)

    def experience_ids(self, user: User) -> Select:
        """The ids of the published experiences `user` may see within this filter."""
        query = visible_experiences(user).where(happened_on().between(self.start, self.end))
        if self.department:
            query = query.where(Experience.departments.any(Department.id == self.department.id))
        visible = query.subquery()
        return select(visible.c.id)


def quarters_before(day: date, count: int) -> date:
    """The first day of the quarter `count` quarters before the one `day` lies in."""
    months = day.year * 12 + (day.month - 1) // 3 * 3 - 3 * count
    return date(months // 12, months % 12 + 1, 1)


def years_before(day: date, years: int) -> date:
    """The same day `years` earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@dataclass
class Selection:
    """A titled set of visible experiences: what a report is about."""

    title: str
    description: str
    experience_ids: list[int]
    intro: str = ""  # Markdown
    notes: dict[int, str] = field(default_factory=dict)  # experience id → note

    def id_query(self) -> Select:
        return select(Experience.id).where(Experience.id.in_(self.experience_ids))
