"""Writing, editing, deleting and (kernteam) hiding comments; who sees which."""
from __future__ import annotations

from flask import abort
from flask_babel import gettext as _
from sqlalchemy import ColumnElement, and_, func, or_, select, true

from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..experiences.models import Experience
from ..experiences.policies import get_visible_or_404
from ..extensions import db
from ..timeutil import utcnow
from .models import Comment

BODY_MAX = 5000
REASON_MAX = 500


class CommentRefused(Exception):
    """A Dutch explanation, for the field `body` or `reason`."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def visible_comment_clause(user: User) -> ColumnElement[bool]:
    """Deleted comments are gone; hidden ones stay for curators and their own author."""
    shown = true() if user.is_curator else or_(Comment.hidden_at.is_(None),
                                               Comment.author_id == user.id)
    return and_(Comment.deleted_at.is_(None), shown)


def can_see_comment(user: User, comment: Comment) -> bool:
    if comment.deleted_at is not None:
        return False
    return not comment.is_hidden or user.is_curator or comment.author_id == user.id


def get_visible_or_404_with_experience(comment_id: int, user: User
                                      ) -> tuple[Comment, Experience]:
    """404 unless the user may see both the comment and its experience."""
    comment = db.session.get(Comment, comment_id)
    if comment is None or not can_see_comment(user, comment):
        abort(404)
    return comment, get_visible_or_404(comment.experience_id, user)


def comments_on(experience: Experience, user: User) -> list[Comment]:
    """The comments `user` may see, oldest first (the caller checked the experience)."""
    return list(db.session.scalars(
        select(Comment).where(Comment.experience_id == experience.id,
                              visible_comment_clause(user))
        .order_by(Comment.created_at, Comment.id)))


def count_on(experience: Experience, user: User) -> int:
    return db.session.scalar(select(func.count()).select_from(Comment).where(
        Comment.experience_id == experience.id, visible_comment_clause(user))) or 0


def add_comment(user: User, experience: Experience, body: str) -> Comment:
    if not experience.is_published:
        raise CommentRefused("body", _("Bij een concept kun je nog niet reageren."))
    comment = Comment(experience_id=experience.id, author_id=user.id, body=_checked(body))
    db.session.add(comment)
    db.session.commit()
    return comment


def edit_comment(comment: Comment, body: str) -> None:
    comment.body = _checked(body)
    comment.edited_at = utcnow()
    db.session.commit()


def delete_comment(comment: Comment) -> None:
    comment.deleted_at = utcnow()
    db.session.commit()


def hide_comment(comment: Comment, reason: str) -> None:
    reason = reason.strip()
    if not reason:
        raise CommentRefused("reason", _("Schrijf de reden op; de schrijver krijgt die te zien."))
    if len(reason) > REASON_MAX:
        raise CommentRefused("reason", _("Gebruik hoogstens %(count)d tekens.", count=REASON_MAX))
    comment.hidden_at, comment.hidden_reason = utcnow(), reason
    record(Action.COMMENT_HIDDEN, target=comment)
    db.session.commit()


def restore_comment(comment: Comment) -> None:
    if comment.is_hidden:
        comment.hidden_at, comment.hidden_reason = None, None
        record(Action.COMMENT_UNHIDDEN, target=comment)
        db.session.commit()


def _checked(body: str) -> str:
    body = body.strip()
    if not body:
        raise CommentRefused("body", _("Schrijf eerst je reactie."))
    if len(body) > BODY_MAX:
        raise CommentRefused("body", _("Een reactie mag hoogstens %(count)d tekens hebben.",
                                         count=BODY_MAX))
    return body
