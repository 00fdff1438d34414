"""How long the search log is kept: it holds no identity, but queries can still tell a lot."""
from __future__ import annotations

import calendar
from datetime import date

from sqlalchemy import delete

from ..extensions import db
from ..search.log import SearchLog


def months_before(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def purge_search_log(months: int, today: date | None = None) -> int:
    """Delete searches older than `months` months; the number deleted."""
    cutoff = months_before(today or date.today(), months)
    result = db.session.execute(delete(SearchLog).where(SearchLog.searched_on < cutoff))
    db.session.commit()
    return result.rowcount
