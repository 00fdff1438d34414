"""/api/v1/insight: the /inzicht figures as tables, with the same filters and rules."""
from __future__ import annotations

from flask.views import MethodView
from flask_login import current_user
from flask_smorest import abort
from marshmallow import fields
from sqlalchemy import func, select

from ..api.blueprint import ApiBlueprint
from ..api.fields import DutchSchema, Int, List, Nested, Str
from ..errors import MESSAGES
from ..extensions import db
from .figures import Figure
from .policies import may_see_searches
from .selection import PeriodFilters
from .services import SEARCHES, all_figures, period_builders

blp = ApiBlueprint("api_insight", __name__, url_prefix="/api/v1",
                   description="Inzicht: de cijfers van /inzicht")


class InsightArgs(DutchSchema):
    start = Str(load_default="", metadata={"description": "JJJJ-MM-DD, eerste dag"})
    end = Str(load_default="", metadata={"description": "JJJJ-MM-DD, laatste dag"})
    department = Str(load_default="", metadata={"description": "slug van de afdeling"})


class FigureSchema(DutchSchema):
    key = Str()
    title = Str()
    description = Str()
    columns = List(Str())
    rows = List(List(fields.Raw()), metadata={"description": "één lijst per tabelrij"})


class InsightSchema(DutchSchema):
    selection = Str(metadata={"description": "de gekozen periode en afdeling, in woorden"})
    total = Int(metadata={"description": "aantal ervaringen in de selectie"})
    figures = List(Nested(FigureSchema))


def _filters(args) -> PeriodFilters:
    filters = PeriodFilters.from_args(args)
    if filters.errors:
        abort(422, message=MESSAGES[422], messages={"query": filters.errors})
    return filters


def figure_dict(figure: Figure) -> dict:
    return {"key": figure.key, "title": figure.title, "description": figure.description,
            "columns": figure.columns, "rows": figure.rows}


@blp.route("/insight")
class Insight(MethodView):
    @blp.arguments(InsightArgs, location="query")
    @blp.response(200, InsightSchema)
    def get(self, args):
        """Alle figuren over de ervaringen die jij mag zien"""
        filters = _filters(args)
        total = db.session.scalar(select(func.count()).select_from(
            filters.experience_ids(current_user).subquery()))
        figures = all_figures(period_builders(current_user, filters))
        return {"selection": filters.describe(), "total": total,
                "figures": [figure_dict(figure) for figure in figures]}


@blp.route("/insight/<key>")
class InsightFigure(MethodView):
    @blp.arguments(InsightArgs, location="query")
    @blp.response(200, FigureSchema)
    def get(self, args, key: str):
        """Eén figuur (dezelfde cijfers als de CSV op /inzicht)"""
        filters = _filters(args)
        if key == SEARCHES and not may_see_searches(current_user):
            abort(403)
        builders = period_builders(current_user, filters)
        if key not in builders:
            abort(404)
        return figure_dict(builders[key]())
