"""GET /uitleg: the guide."""
from flask import Blueprint, render_template
from sqlalchemy import select

from ..extensions import db
from ..taxonomy.models import Condition, Goal

bp = Blueprint("guide", __name__)


@bp.get("/uitleg")
def index():
    conditions = db.session.scalars(select(Condition).where(Condition.active)
                                    .order_by(Condition.position))
    goals = db.session.scalars(select(Goal).where(Goal.active).order_by(Goal.position))
    return render_template("guide/index.html", conditions=list(conditions), goals=list(goals))
