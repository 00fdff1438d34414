"""Published experiences and agenda items whose date lies outside today's plausible range.

The services refuse such dates since the range was introduced; rows saved earlier (or planted
directly in the database) are found here, so the beheerder can correct them.
"""
from __future__ import annotations

from sqlalchemy import Select, func, not_, select

from ..agenda.models import AgendaItem
from ..dates import occurred_range, target_range
from ..experiences.models import Experience, Status
from ..experiences.policies import not_deleted
from ..extensions import db


def implausible_experiences() -> Select:
    first, last = occurred_range()
    return (select(Experience)
            .where(Experience.status == Status.GEPUBLICEERD, not_deleted(),
                   not_(Experience.occurred_on.between(first, last)))
            .order_by(Experience.occurred_on, Experience.id))


def implausible_agenda_items() -> Select:
    first, last = target_range()
    return (select(AgendaItem)
            .where(not_(AgendaItem.target_date.between(first, last)))
            .order_by(AgendaItem.target_date, AgendaItem.id))


def count(query: Select) -> int:
    return db.session.scalar(select(func.count()).select_from(query.subquery()))
