"""POST /api/v1/experiences/<id>/review: answer "Klopt dit nog?" (the author, or when the
author has left the core team). Updating is an ordinary PUT of the experience."""
from __future__ import annotations

from flask.views import MethodView
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from marshmallow import validate

from ..api.blueprint import ApiBlueprint, checked_first
from ..api.fields import Bool, DateTime, DutchSchema, Int, Str
from ..experiences.models import Experience
from ..extensions import db
from .policies import review_state, reviewable_or_404
from .services import confirm_current, mark_historical

blp = ApiBlueprint("api_freshness", __name__, url_prefix="/api/v1",
                   description="Klopt dit nog? (de auteur, of het kernteam als die weg is)")
ANSWERS = {"nog_actueel": confirm_current, "historisch": mark_historical}


class ReviewAnswerSchema(DutchSchema):
    answer = Str(required=True, validate=validate.OneOf(
        list(ANSWERS), error=_l("Kies answer=nog_actueel of answer=historisch.")))
    version = Int(required=True, metadata={"description": "de versie die je las"})


class ReviewStateSchema(DutchSchema):
    review_due = Bool(metadata={"description": "vraagt nu of hij nog klopt"})
    confirmed_at = DateTime(allow_none=True, metadata={
        "description": "laatst bevestigd als nog actueel"})
    historical_since = DateTime(allow_none=True, metadata={
        "description": "historisch sinds; null: actueel"})


def _reviewable(experience_id: int) -> Experience:
    return reviewable_or_404(experience_id, current_user)


@blp.route("/experiences/<int:experience_id>/review")
class Review(MethodView):
    @checked_first(_reviewable)
    @blp.arguments(ReviewAnswerSchema)
    @blp.response(200, ReviewStateSchema)
    def post(self, payload, experience_id: int):
        """Klopt dit nog? beantwoorden: nog_actueel of historisch; `version` is de versie die
        je las (anders 409)"""
        ANSWERS[payload["answer"]](current_user, _reviewable(experience_id),
                                   payload["version"])
        experience = db.session.get(Experience, experience_id)
        db.session.refresh(experience)
        return review_state(experience)
