"""/api/v1/insight: the /inzicht figures as tables, with the same filters and rules."""
from __future__ import annotations

from flask.views import MethodView
from flask_login import current_user
from marshmallow import fields
from sqlalchemy import func, select

from ..api.blueprint import ApiBlueprint
from ..api.fields import DutchSchema, Int, List, Nested, Str
from ..extensions import db
from .figures import Figure
from .selection import PeriodFilters
from .services import all_figures, figure, period_builders

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


def figure_dict(shown: Figure) -> dict:
    return {"key": shown.key, "title": shown.title, "description": shown.description,
            "columns": shown.columns, "rows": shown.rows}


@blp.route("/insight")
class Insight(MethodView):
    @blp.arguments(InsightArgs, location="query")
    @blp.response(200, InsightSchema)
    def get(self, args):
        """Alle figuren over de ervaringen die jij mag zien"""
        filters = PeriodFilters.checked(args)
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
        return figure_dict(figure(current_user, PeriodFilters.checked(args), key))
