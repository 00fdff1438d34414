"""Quarters (kwartalen): grouping days by quarter and listing a range without gaps."""
from __future__ import annotations

from sqlalchemy import extract

from .selection import happened_on

Quarter = tuple[int, int]


def quarter_columns():
    """SQL columns year and month of the day an experience happened."""
    day = happened_on()
    return extract("year", day), extract("month", day)


def to_quarter(year, month) -> Quarter:
    return int(year), (int(month) - 1) // 3 + 1


def quarter_label(quarter: Quarter) -> str:
    year, number = quarter
    return f"{year}-K{number}"


def quarter_range(quarters) -> list[Quarter]:
    """Every quarter from the first to the last given one, so empty quarters show as 0."""
    quarters = sorted(set(quarters))
    if not quarters:
        return []
    (year, number), last = quarters[0], quarters[-1]
    result = []
    while (year, number) <= last:
        result.append((year, number))
        year, number = (year + 1, 1) if number == 4 else (year, number + 1)
    return result
