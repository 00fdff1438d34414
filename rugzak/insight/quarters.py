"""Quarters (kwartalen): grouping days by quarter, and the columns of a chart over time."""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import extract

from .selection import happened_on

Quarter = tuple[int, int]
WHOLE_YEAR = 0  # the "quarter" number of a column that holds a whole year
MAX_QUARTERS = 16  # a longer span is shown per year
MAX_YEARS = 12  # and then only the most recent years


def quarter_columns():
    """SQL columns year and month of the day an experience happened."""
    day = happened_on()
    return extract("year", day), extract("month", day)


def to_quarter(year, month) -> Quarter:
    return int(year), (int(month) - 1) // 3 + 1


def quarter_label(quarter: Quarter) -> str:
    year, number = quarter
    return str(year) if number == WHOLE_YEAR else f"{year}-K{number}"


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


class Timeline:
    """The columns of a chart over the quarters that hold experiences: every quarter, or whole
    years when that would be more than MAX_QUARTERS, and then at most the last MAX_YEARS; so a
    single outlying date cannot make a chart (or its page) unboundedly large."""

    def __init__(self, quarters) -> None:
        quarters = sorted(set(quarters))
        span = quarter_range(quarters[:1] + quarters[-1:])
        self.by_year = len(span) > MAX_QUARTERS
        if self.by_year:
            last_year = quarters[-1][0]
            first_year = max(quarters[0][0], last_year - MAX_YEARS + 1)
            self.columns = [(year, WHOLE_YEAR) for year in range(first_year, last_year + 1)]
        else:
            self.columns = span
        self.left_out = bool(quarters) and self.column(quarters[0]) is None

    def column(self, quarter: Quarter) -> Quarter | None:
        """The column that counts `quarter`; None when it lies before the first column."""
        key = (quarter[0], WHOLE_YEAR) if self.by_year else quarter
        return key if self.columns and key >= self.columns[0] else None

    def fold(self, counts: dict) -> dict:
        """{(..., column): count} from {(..., quarter): count}; quarters left out are dropped."""
        folded: dict = defaultdict(int)
        for (*rest, quarter), n in counts.items():
            column = self.column(quarter)
            if column is not None:
                folded[(*rest, column)] += n
        return folded
