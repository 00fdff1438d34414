"""Everything Rugzak keeps about one person, gathered from the features (AVG rights of access
and erasure).

Each feature that keeps data about a person says so in its own `personal_data.py`, found by
convention (rugzak.discovery):
- `@personal_data_section("name", Model.user_id, ...)` adds a section to the data download and
  claims the columns that link its rows to a user; a structural test fails for a column that
  refers to `users.id` and that no section claims;
- `@user_erasing.connect` takes part in erasing a user.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from blinker import Namespace

from .auth.models import User

Section = Callable[[User], object]
SECTIONS: dict[str, Section] = {}
CLAIMED_COLUMNS: set[str] = set()  # "table.column"
ERASED_NAME = "oud-medewerker"  # what an erased person is called wherever they were named

user_erasing = Namespace().signal("user-erasing")
"""Sent by rugzak.privacy.erasure.erase_user before anything is changed, so a receiver still
sees the person's name, e-mail address and experiences. The sender is the `User` being erased;
keyword arguments: `delete_experiences` (bool: their experiences are deleted rather than kept
under "oud-medewerker") and `actor` (the `User` who erases, or None on the command line).
Receivers change or delete their rows in the same transaction and never commit; the erasure
commits once, or rolls back everything."""


def personal_data_section(name: str, *columns) -> Callable[[Section], Section]:
    def register(collect: Section) -> Section:
        SECTIONS[name] = collect
        CLAIMED_COLUMNS.update(f"{column.table.name}.{column.name}" for column in columns)
        return collect

    return register


def personal_data(user: User) -> dict:
    return {name: collect(user) for name, collect in SECTIONS.items()}


def jsonable(value):
    """json.dumps default: dates as ISO 8601."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
