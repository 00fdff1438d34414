"""/api/v1: highlight, hide and restore (kernteam), herkenbaar, comments."""
from __future__ import annotations

from flask.views import MethodView
from flask_login import current_user

from ..api.blueprint import ApiBlueprint, checked_first
from ..api.errors import unprocessable
from ..api.fields import Bool, DateTime, DutchSchema, Int, List, Nested, Str
from ..auth.policies import may_curate, require
from ..comments.models import Comment
from ..comments.services import (
    CommentRefused,
    add_comment,
    comments_on,
    delete_comment,
    edit_comment,
    get_visible_or_404_with_experience,
    hide_comment,
    restore_comment,
)
from ..experiences.models import Experience
from ..experiences.policies import get_visible_or_404
from ..extensions import db
from ..recognition.services import RecognitionRefused, has_recognised, recognise, take_back
from .services import CurationError, hide, highlight, remove_highlight, restore

blp = ApiBlueprint("api_curation", __name__, url_prefix="/api/v1",
                   description="Uitlichten, verbergen, herkenbaar en meedenken")


class HighlightNoteSchema(DutchSchema):
    note = Str(required=True, metadata={"description": "waarom deze ervaring ertoe doet"})


class ReasonSchema(DutchSchema):
    reason = Str(required=True)


class CurationStateSchema(DutchSchema):
    highlighted = Bool()
    highlight_note = Str(allow_none=True)
    highlighted_at = DateTime(allow_none=True)
    hidden = Bool()
    hidden_reason = Str(allow_none=True)


class RecognitionSchema(DutchSchema):
    count = Int()
    mine = Bool(metadata={"description": "jij vond deze ervaring herkenbaar"})


class CommentInSchema(DutchSchema):
    body = Str(required=True, metadata={"description": "Markdown"})


class CommentAuthorSchema(DutchSchema):
    id = Int()
    name = Str()


class CommentSchema(DutchSchema):
    id = Int()
    experience_id = Int()
    author = Nested(CommentAuthorSchema)
    body = Str()
    created_at = DateTime()
    edited_at = DateTime(allow_none=True)
    hidden = Bool()
    hidden_reason = Str(allow_none=True)


class CommentListSchema(DutchSchema):
    items = List(Nested(CommentSchema))


def _visible(experience_id: int) -> Experience:
    return get_visible_or_404(experience_id, current_user)


def _curated(experience_id: int) -> Experience:
    experience = _visible(experience_id)
    require(may_curate(current_user))
    return experience


def _own_comment(comment_id: int) -> Comment:
    comment, _experience = get_visible_or_404_with_experience(comment_id, current_user)
    require(comment.author_id == current_user.id and not comment.is_hidden)
    return comment


def _curated_comment(comment_id: int) -> Comment:
    comment, _experience = get_visible_or_404_with_experience(comment_id, current_user)
    require(may_curate(current_user))
    return comment


def _state(experience_id: int) -> dict:
    experience = db.session.get(Experience, experience_id)
    return {"highlighted": experience.is_highlighted,
            "highlight_note": experience.highlight_note,
            "highlighted_at": experience.highlighted_at, "hidden": experience.is_hidden,
            "hidden_reason": experience.hidden_reason}


def _curating(action):
    try:
        action()
    except CurationError as error:
        db.session.rollback()
        unprocessable(error.errors)


@blp.route("/experiences/<int:experience_id>/highlight")
class Highlight(MethodView):
    @checked_first(_curated)
    @blp.arguments(HighlightNoteSchema)
    @blp.response(200, CurationStateSchema)
    def put(self, payload, experience_id: int):
        """Uitlichten met een toelichting, of de toelichting wijzigen (kernteam)"""
        experience = _curated(experience_id)
        _curating(lambda: highlight(experience, payload["note"]))
        return _state(experience_id)

    @blp.response(200, CurationStateSchema)
    def delete(self, experience_id: int):
        """Niet meer uitlichten (kernteam)"""
        remove_highlight(_curated(experience_id))
        return _state(experience_id)


@blp.route("/experiences/<int:experience_id>/hidden")
class Hidden(MethodView):
    @checked_first(_curated)
    @blp.arguments(ReasonSchema)
    @blp.response(200, CurationStateSchema)
    def put(self, payload, experience_id: int):
        """Verbergen met een reden (kernteam); de auteur ziet de reden"""
        experience = _curated(experience_id)
        _curating(lambda: hide(experience, payload["reason"]))
        return _state(experience_id)

    @blp.response(200, CurationStateSchema)
    def delete(self, experience_id: int):
        """Terugzetten (kernteam)"""
        restore(_curated(experience_id))
        return _state(experience_id)


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
        try:
            recognise(current_user, experience)
        except RecognitionRefused as refusal:
            unprocessable({"experience": str(refusal)})
        return _recognition(experience)

    @blp.response(200, RecognitionSchema)
    def delete(self, experience_id: int):
        """Herkenbaar intrekken"""
        experience = _visible(experience_id)
        take_back(current_user, experience)
        return _recognition(experience)


def _recognition(experience: Experience) -> dict:
    db.session.refresh(experience)
    return {"count": experience.recognition_count,
            "mine": has_recognised(current_user, experience)}


@blp.route("/experiences/<int:experience_id>/comments")
class Comments(MethodView):
    @blp.response(200, CommentListSchema)
    def get(self, experience_id: int):
        """De reacties die jij mag zien, oudste eerst"""
        experience = _visible(experience_id)
        return {"items": [comment_dict(c) for c in comments_on(experience, current_user)]}

    @checked_first(_visible)
    @blp.arguments(CommentInSchema)
    @blp.response(201, CommentSchema)
    def post(self, payload, experience_id: int):
        """Reageren"""
        experience = _visible(experience_id)
        return comment_dict(_commenting(
            lambda: add_comment(current_user, experience, payload["body"])))


@blp.route("/comments/<int:comment_id>")
class CommentItem(MethodView):
    @checked_first(_own_comment)
    @blp.arguments(CommentInSchema)
    @blp.response(200, CommentSchema)
    def put(self, payload, comment_id: int):
        """Je eigen reactie bewerken"""
        comment = _own_comment(comment_id)
        _commenting(lambda: edit_comment(comment, payload["body"]))
        return comment_dict(comment)

    @blp.response(204)
    def delete(self, comment_id: int):
        """Je eigen reactie verwijderen"""
        comment, _experience = get_visible_or_404_with_experience(comment_id, current_user)
        require(comment.author_id == current_user.id)
        delete_comment(comment)


@blp.route("/comments/<int:comment_id>/hidden")
class CommentHidden(MethodView):
    @checked_first(_curated_comment)
    @blp.arguments(ReasonSchema)
    @blp.response(200, CommentSchema)
    def put(self, payload, comment_id: int):
        """Een reactie verbergen met een reden (kernteam)"""
        comment = _curated_comment(comment_id)
        _commenting(lambda: hide_comment(comment, payload["reason"]))
        return comment_dict(comment)

    @blp.response(200, CommentSchema)
    def delete(self, comment_id: int):
        """Een verborgen reactie terugzetten (kernteam)"""
        comment = _curated_comment(comment_id)
        restore_comment(comment)
        return comment_dict(comment)


def _commenting(action):
    try:
        return action()
    except CommentRefused as refusal:
        db.session.rollback()
        unprocessable({refusal.field: refusal.message})


def comment_dict(comment: Comment) -> dict:
    return {"id": comment.id, "experience_id": comment.experience_id,
            "author": {"id": comment.author.id, "name": comment.author.name},
            "body": comment.body, "created_at": comment.created_at,
            "edited_at": comment.edited_at, "hidden": comment.is_hidden,
            "hidden_reason": comment.hidden_reason}
