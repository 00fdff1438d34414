"""Reading the taxonomy."""
from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from .models import Condition, Department, Goal, Partner


def taxonomy_for_filters() -> dict[str, list]:
    """Everything a filter may offer, retired entries included: old experiences carry them."""
    return {
        "departments": list(db.session.scalars(select(Department).order_by(Department.name))),
        "partners": list(db.session.scalars(select(Partner).order_by(Partner.name))),
        "conditions": list(db.session.scalars(select(Condition).order_by(Condition.position))),
        "goals": list(db.session.scalars(select(Goal).order_by(Goal.position))),
    }
