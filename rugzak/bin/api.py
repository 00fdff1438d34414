"""DELETE /api/v1/experiences/<id>: into the bin, with the same rule as the page."""
from __future__ import annotations

from flask.views import MethodView
from flask_login import current_user

from ..api.blueprint import ApiBlueprint
from .policies import deletable_or_404
from .services import delete_experience

blp = ApiBlueprint("api_bin", __name__, url_prefix="/api/v1",
                   description="Ervaringen naar de prullenbak verplaatsen")


@blp.route("/experiences/<int:experience_id>", endpoint="delete")
class ExperienceBin(MethodView):
    @blp.response(204)
    def delete(self, experience_id: int):
        """Een ervaring verwijderen (naar de prullenbak; het kernteam kan hem terugzetten)"""
        delete_experience(current_user, deletable_or_404(experience_id, current_user))
