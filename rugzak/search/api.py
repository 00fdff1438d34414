"""/api/v1/search: the search page's results, facets and suggestion as JSON."""
from flask.views import MethodView
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from marshmallow import fields, validate

from ..api.blueprint import ApiBlueprint
from ..api.fields import PAGE_RANGE, PER_PAGE_RANGE, DutchSchema, Int, List, Nested, Str
from .engine import SearchParams, search
from .log import log_search

blp = ApiBlueprint("api_search", __name__, url_prefix="/api/v1",
                   description="Zoeken in ervaringen")


def _repeatable() -> List:
    return List(Str(), load_default=list, metadata={
        "description": "herhaalbaar: meerdere waarden tellen met OF (department=a&department=b)"})


class SearchArgs(DutchSchema):
    q = Str(load_default="")
    department = _repeatable()
    condition = _repeatable()
    effect = Str(load_default="")
    goal = _repeatable()
    kind = _repeatable()
    partner = _repeatable()
    year = _repeatable()
    origin = _repeatable()
    highlighted = Str(load_default="", metadata={"description": "ja: alleen uitgelichte"})
    sort = Str(load_default="relevantie", validate=validate.OneOf(
        ["relevantie", "nieuwste", "herkenbaar"],
        error=_l("Kies sort=relevantie, sort=nieuwste of sort=herkenbaar.")))
    page = Int(load_default=1, validate=PAGE_RANGE)
    per_page = Int(load_default=10, validate=PER_PAGE_RANGE)


class SearchHitSchema(DutchSchema):
    id = Int()
    title = Str()
    snippet = Str(metadata={"description": "HTML; zoekwoorden staan in <mark>"})
    score = fields.Float()
    origin = Str(metadata={"description": "eigen, of peer-<id>: een kopie van wat een andere "
                                          "gemeente openbaar deelt; id is dan die van "
                                          "/andere-gemeenten/<id>"})


class SearchResultSchema(DutchSchema):
    total = Int()
    page = Int()
    pages = Int()
    results = List(Nested(SearchHitSchema))
    facets = fields.Dict(keys=Str(), values=fields.Dict(keys=Str(), values=Int()),
                         metadata={"description": "per facet: waarde → aantal"})
    suggestion = Str(allow_none=True)


@blp.route("/search")
class Search(MethodView):
    @blp.arguments(SearchArgs, location="query")
    @blp.response(200, SearchResultSchema)
    def get(self, args):
        """Zoeken met dezelfde regels als de zoekpagina (EN, OF, NIET, "zinsdeel")"""
        params = SearchParams.from_args(args)
        outcome = search(current_user, params, per_page=args["per_page"], with_copies=True)
        if params.page == 1:
            log_search(params.q, outcome.total)
        return {"total": outcome.total, "page": outcome.page, "pages": outcome.pages,
                "results": [vars(hit) for hit in outcome.hits], "facets": outcome.facets,
                "suggestion": outcome.suggestion}
