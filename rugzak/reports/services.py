"""Building a reflection report for a selection: figures, experiences in full, open agenda."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import select

from ..agenda.models import AgendaItem
from ..agenda.queries import items_for_experiences
from ..auth.models import User
from ..experiences.models import Experience
from ..experiences.policies import can_view
from ..experiences.queries import LIST_LOADING
from ..extensions import db
from ..insight.figures import Figure
from ..insight.selection import Selection
from ..insight.services import all_figures, figure_builders
from ..timeutil import utcnow


@dataclass
class Report:
    selection: Selection
    figures: list[Figure]
    experiences: list[Experience]
    agenda_items: list[AgendaItem]
    made_by: User
    made_at: datetime


def visible_in_order(user: User, ids: list[int]) -> list[Experience]:
    """The experiences behind `ids`, in that order, checked once more against visibility."""
    rows = {row.id: row for row in db.session.scalars(
        select(Experience).where(Experience.id.in_(ids)).options(*LIST_LOADING))}
    return [rows[number] for number in ids if number in rows and can_view(user, rows[number])]


def build_report(user: User, selection: Selection) -> Report:
    experiences = visible_in_order(user, selection.experience_ids)
    ids = [experience.id for experience in experiences]
    shown = replace(selection, experience_ids=ids)
    figures = all_figures(figure_builders(user, shown.id_query(), date.today()))
    items = db.session.scalars(items_for_experiences(user, ids, only_open=True)).all()
    return Report(shown, figures, experiences, list(items), user, utcnow())
