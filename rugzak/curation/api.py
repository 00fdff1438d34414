"""/api/v1/experiences/<id>/highlight and /hidden: the core team's curation."""
from __future__ import annotations

from flask.views import MethodView
from flask_login import current_user

from ..api.blueprint import ApiBlueprint, checked_first
from ..api.fields import (
    Bool,
    DateTime,
    DutchSchema,
    ReasonSchema,
    Str,
    confirm_privacy_field,
)
from ..experiences.models import Experience
from ..extensions import db
from .policies import curated_or_404
from .services import hide, highlight, remove_highlight, restore

blp = ApiBlueprint("api_curation", __name__, url_prefix="/api/v1",
                   description="Uitlichten en verbergen (kernteam)")


class HighlightNoteSchema(DutchSchema):
    note = Str(required=True, metadata={"description": "waarom deze ervaring ertoe doet"})
    confirm_privacy = confirm_privacy_field()


class CurationStateSchema(DutchSchema):
    highlighted = Bool()
    highlight_note = Str(allow_none=True)
    highlighted_at = DateTime(allow_none=True)
    hidden = Bool()
    hidden_reason = Str(allow_none=True)


def _curated(experience_id: int) -> Experience:
    return curated_or_404(experience_id, current_user)


def _state(experience_id: int) -> dict:
    experience = db.session.get(Experience, experience_id)
    return {"highlighted": experience.is_highlighted,
            "highlight_note": experience.highlight_note,
            "highlighted_at": experience.highlighted_at, "hidden": experience.is_hidden,
            "hidden_reason": experience.hidden_reason}


@blp.route("/experiences/<int:experience_id>/highlight")
class Highlight(MethodView):
    @checked_first(_curated)
    @blp.arguments(HighlightNoteSchema)
    @blp.response(200, CurationStateSchema)
    def put(self, payload, experience_id: int):
        """Uitlichten met een toelichting, of de toelichting wijzigen (kernteam)"""
        highlight(current_user, _curated(experience_id), payload["note"],
                  payload["confirm_privacy"])
        return _state(experience_id)

    @blp.response(200, CurationStateSchema)
    def delete(self, experience_id: int):
        """Niet meer uitlichten (kernteam)"""
        remove_highlight(current_user, _curated(experience_id))
        return _state(experience_id)


@blp.route("/experiences/<int:experience_id>/hidden")
class Hidden(MethodView):
    @checked_first(_curated)
    @blp.arguments(ReasonSchema)
    @blp.response(200, CurationStateSchema)
    def put(self, payload, experience_id: int):
        """Verbergen met een reden (kernteam); de auteur ziet de reden"""
        hide(current_user, _curated(experience_id), payload["reason"], payload["confirm_privacy"])
        return _state(experience_id)

    @blp.response(200, CurationStateSchema)
    def delete(self, experience_id: int):
        """Terugzetten (kernteam)"""
        restore(current_user, _curated(experience_id))
        return _state(experience_id)
