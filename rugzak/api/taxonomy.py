"""/api/v1/taxonomy: departments, partners, conditions and goals with their slugs."""
from flask.views import MethodView

from ..taxonomy.queries import taxonomy_for_filters
from .blueprint import ApiBlueprint
from .schemas import TaxonomySchema

blp = ApiBlueprint("api_taxonomy", __name__, url_prefix="/api/v1",
                description="Afdelingen, partners, randvoorwaarden en doelen")


@blp.route("/taxonomy")
class Taxonomy(MethodView):
    @blp.response(200, TaxonomySchema)
    def get(self):
        """De taxonomie, met slugs om in ervaringen te gebruiken"""
        return taxonomy_for_filters()
