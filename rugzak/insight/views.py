"""/inzicht: the figures with their tables, and a CSV of each figure's numbers."""
from __future__ import annotations

from flask import Blueprint, render_template, request
from flask_login import current_user
from sqlalchemy import func, select

from ..extensions import db
from ..taxonomy.models import Department
from .csvfile import csv_response
from .selection import MAX_YEARS, PeriodFilters
from .services import all_figures, figure, period_builders

bp = Blueprint("insight", __name__)


@bp.get("/inzicht")
def index():
    filters = PeriodFilters.from_args(request.args)
    departments = db.session.scalars(select(Department).order_by(Department.name)).all()
    if filters.errors:
        return render_template("insight/index.html", filters=filters, figures=[], total=None,
                               departments=departments, max_years=MAX_YEARS), 422
    ids = filters.experience_ids(current_user)
    total = db.session.scalar(select(func.count()).select_from(ids.subquery()))
    return render_template("insight/index.html", filters=filters, departments=departments,
                           figures=all_figures(period_builders(current_user, filters)),
                           total=total, max_years=MAX_YEARS)


@bp.get("/inzicht/<key>.csv")
def figure_csv(key: str):
    built = figure(current_user, PeriodFilters.checked(request.args), key)
    return csv_response(f"{key}.csv", built.columns, built.rows)
