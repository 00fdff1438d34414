"""/api/v1: comments under an experience (meedenken), with the rules of the page."""
from __future__ import annotations

from flask.views import MethodView
from flask_login import current_user

from ..api.blueprint import ApiBlueprint, checked_first
from ..api.fields import (
    Bool,
    DateTime,
    DutchSchema,
    Int,
    List,
    Nested,
    ReasonSchema,
    Str,
    confirm_privacy_field,
)
from ..experiences.models import Experience
from ..experiences.policies import get_visible_or_404
from .models import Comment
from .policies import comment_or_404, curated_comment_or_404, own_comment_or_404
from .queries import comments_on
from .services import (
    add_comment,
    delete_comment,
    edit_comment,
    hide_comment,
    restore_comment,
)

blp = ApiBlueprint("api_comments", __name__, url_prefix="/api/v1",
                   description="Meedenken: reacties bij een ervaring")


class CommentInSchema(DutchSchema):
    body = Str(required=True, metadata={"description": "Markdown"})
    confirm_privacy = confirm_privacy_field()


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


def _own(comment_id: int) -> Comment:
    return own_comment_or_404(comment_id, current_user)[0]


def _curated(comment_id: int) -> Comment:
    return curated_comment_or_404(comment_id, current_user)[0]


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
        return comment_dict(add_comment(current_user, _visible(experience_id), payload["body"],
                                        payload["confirm_privacy"]))


@blp.route("/comments/<int:comment_id>")
class CommentItem(MethodView):
    @checked_first(_own)
    @blp.arguments(CommentInSchema)
    @blp.response(200, CommentSchema)
    def put(self, payload, comment_id: int):
        """Je eigen reactie bewerken"""
        comment = _own(comment_id)
        edit_comment(current_user, comment, payload["body"], payload["confirm_privacy"])
        return comment_dict(comment)

    @blp.response(204)
    def delete(self, comment_id: int):
        """Je eigen reactie verwijderen"""
        delete_comment(current_user, comment_or_404(comment_id, current_user)[0])


@blp.route("/comments/<int:comment_id>/hidden")
class CommentHidden(MethodView):
    @checked_first(_curated)
    @blp.arguments(ReasonSchema)
    @blp.response(200, CommentSchema)
    def put(self, payload, comment_id: int):
        """Een reactie verbergen met een reden (kernteam)"""
        comment = _curated(comment_id)
        hide_comment(current_user, comment, payload["reason"], payload["confirm_privacy"])
        return comment_dict(comment)

    @blp.response(200, CommentSchema)
    def delete(self, comment_id: int):
        """Een verborgen reactie terugzetten (kernteam)"""
        comment = comment_or_404(comment_id, current_user)[0]
        restore_comment(current_user, comment)
        return comment_dict(comment)


def comment_dict(comment: Comment) -> dict:
    return {"id": comment.id, "experience_id": comment.experience_id,
            "author": {"id": comment.author.id, "name": comment.author.name},
            "body": comment.body, "created_at": comment.created_at,
            "edited_at": comment.edited_at, "hidden": comment.is_hidden,
            "hidden_reason": comment.hidden_reason}
