"""Which figures a user gets for a selection; built lazily so one CSV computes one figure."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import Select

from ..auth.models import User
from ..errors import Forbidden, NotFound
from . import figures
from .figures import Figure
from .policies import may_see_searches
from .selection import PeriodFilters

SEARCHES = "zoekvragen-zonder-resultaat"


def figure_builders(user: User, ids: Select, reference: date,
                    filters: PeriodFilters | None = None) -> dict[str, Callable[[], Figure]]:
    """Figure key → function computing it over `ids`; the search log only with `filters`."""
    builders = {
        "randvoorwaarden-per-afdeling": lambda: figures.conditions_by_department(ids),
        "randvoorwaarden-per-kwartaal": lambda: figures.conditions_per_quarter(ids),
        "transformatiedoelen": lambda: figures.goal_coverage(ids, reference),
        "deelname-afdelingen": lambda: figures.participation_by_department(ids),
        "deelname-partners": lambda: figures.participation_by_partner(ids),
        "meest-herkend": lambda: figures.most_recognised(ids),
        "trefwoorden": lambda: figures.top_tags(ids),
    }
    if filters is not None and may_see_searches(user):
        builders[SEARCHES] = lambda: figures.unanswered_searches(filters)
    return builders


def period_builders(user: User, filters: PeriodFilters) -> dict[str, Callable[[], Figure]]:
    return figure_builders(user, filters.experience_ids(user), filters.end,
                           filters)


def figure(user: User, filters: PeriodFilters, key: str) -> Figure:
    """One figure by its key: 403 for the search log to who may not see it, 404 for no figure."""
    builders = period_builders(user, filters)
    if key not in builders:
        raise Forbidden() if key == SEARCHES else NotFound()
    return builders[key]()


def all_figures(builders: dict[str, Callable[[], Figure]]) -> list[Figure]:
    return [build() for build in builders.values()]
