"""/api/v1/search: the search page's results, facets and suggestion as JSON."""
from flask.views import MethodView
from flask_login import current_user
from flask_smorest import abort

from ..search.engine import SearchParams, search
from ..search.log import log_search
from .blueprint import ApiBlueprint
from .schemas import SearchArgs, SearchResultSchema

blp = ApiBlueprint("api_search", __name__, url_prefix="/api/v1",
                   description="Zoeken in ervaringen")


@blp.route("/search")
class Search(MethodView):
    @blp.arguments(SearchArgs, location="query")
    @blp.response(200, SearchResultSchema)
    def get(self, args):
        """Zoeken met dezelfde regels als de zoekpagina (EN, OF, NIET, "zinsdeel")"""
        params = SearchParams.from_args(args)
        outcome = search(current_user, params, per_page=args["per_page"])
        if outcome.error:
            abort(400, message=outcome.error)
        if params.page == 1:
            log_search(params.q, outcome.total)
        return {"total": outcome.total, "page": outcome.page, "pages": outcome.pages,
                "results": [vars(hit) for hit in outcome.hits], "facets": outcome.facets,
                "suggestion": outcome.suggestion}
