"""Days as people type them, and which days are plausible for what happened or is planned."""
from __future__ import annotations

from datetime import date, datetime

from flask import current_app
from flask_babel import format_date
from flask_babel import gettext as _

NOTATIONS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")  # 2025-03-14, 14-03-2025, 14/03/2025
TARGET_YEARS_AHEAD = 10


def parse_day(text: str) -> date:
    """A day written in one of the NOTATIONS; ValueError otherwise."""
    for notation in NOTATIONS:
        try:
            return datetime.strptime(text.strip(), notation).date()
        except ValueError:
            continue
    raise ValueError(text)


def earliest_date() -> date:
    """The setting EARLIEST_DATE: no experience or plan lies before it."""
    return date.fromisoformat(current_app.config["EARLIEST_DATE"])


def occurred_range() -> tuple[date, date]:
    """The first and last plausible day for what happened."""
    return earliest_date(), date.today()


def target_range() -> tuple[date, date]:
    """The first and last plausible target date for what is planned."""
    return earliest_date(), _years_ahead(date.today(), TARGET_YEARS_AHEAD)


def occurred_problem(day: date | None) -> str | None:
    """Why `day` cannot be the day an experience happened, or None when it can."""
    if day is None:
        return None
    if day > date.today():
        return _("De datum ligt in de toekomst; kies de dag waarop het gebeurde.")
    return _too_early(day)


def target_problem(day: date | None) -> str | None:
    """Why `day` cannot be a target date, or None when it can."""
    if day is None:
        return None
    latest = target_range()[1]
    if day > latest:
        return _("De streefdatum ligt te ver weg; kies een datum tot en met %(latest)s.",
                 latest=format_date(latest, "long"))
    return _too_early(day)


def _too_early(day: date) -> str | None:
    earliest = earliest_date()
    if day < earliest:
        return _("De datum ligt vóór %(earliest)s; controleer het jaartal.",
                 earliest=format_date(earliest, "long"))
    return None


def _years_ahead(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
