"""/api/v1/experiences/<id>/recognition: herkenbaar, as the button on the page."""
from __future__ import annotations

from flask.views import MethodView
from flask_login import current_user

from ..api.blueprint import ApiBlueprint
from ..api.fields import Bool, DutchSchema, Int
from ..experiences.models import Experience
from ..experiences.policies import get_visible_or_404
from ..extensions import db
from .queries import has_recognised
from .services import recognise, take_back

blp = ApiBlueprint("api_recognition", __name__, url_prefix="/api/v1",
                   description="Herkenbaar")


class RecognitionSchema(DutchSchema):
    count = Int()
    mine = Bool(metadata={"description": "jij vond deze ervaring herkenbaar"})


def _visible(experience_id: int) -> Experience:
    return get_visible_or_404(experience_id, current_user)


def _recognition(experience: Experience) -> dict:
    db.session.refresh(experience)
    return {"count": experience.recognition_count,
            "mine": has_recognised(current_user, experience)}


@blp.route("/experiences/<int:experience_id>/recognition")
class Recognition(MethodView):
    @blp.response(200, RecognitionSchema)
    def get(self, experience_id: int):
        """Hoeveel collega's dit herkenbaar vinden, en of jij dat vindt"""
        return _recognition(_visible(experience_id))

    @blp.response(200, RecognitionSchema)
    def put(self, experience_id: int):
        """Herkenbaar (één keer per persoon; nog eens doet niets)"""
        experience = _visible(experience_id)
        recognise(current_user, experience)
        return _recognition(experience)

    @blp.response(200, RecognitionSchema)
    def delete(self, experience_id: int):
        """Herkenbaar intrekken"""
        experience = _visible(experience_id)
        take_back(current_user, experience)
        return _recognition(experience)
