"""Who sees, edits, deletes and hides which comment; loaders that find a comment and check it."""
from __future__ import annotations

from sqlalchemy import ColumnElement, and_, or_, true

from ..auth.models import User
from ..auth.policies import may_curate, require
from ..errors import NotFound
from ..experiences.models import Experience
from ..experiences.policies import get_visible_or_404
from ..extensions import db
from .models import Comment


def visible_comment_clause(user: User) -> ColumnElement[bool]:
    """Deleted comments are gone; hidden ones stay for curators and their own author."""
    shown = true() if user.is_curator else or_(Comment.hidden_at.is_(None),
                                               Comment.author_id == user.id)
    return and_(Comment.deleted_at.is_(None), shown)


def can_see_comment(user: User, comment: Comment) -> bool:
    if comment.deleted_at is not None:
        return False
    return not comment.is_hidden or user.is_curator or comment.author_id == user.id


def may_edit_comment(user: User, comment: Comment) -> bool:
    """Your own comment, as long as the core team has not hidden it."""
    return comment.author_id == user.id and not comment.is_hidden


def may_delete_comment(user: User, comment: Comment) -> bool:
    """Your own comment, hidden or not."""
    return comment.author_id == user.id


def comment_or_404(comment_id: int, user: User) -> tuple[Comment, Experience]:
    """The comment and its experience; 404 unless the user may see both."""
    comment = db.session.get(Comment, comment_id)
    if comment is None or not can_see_comment(user, comment):
        raise NotFound()
    return comment, get_visible_or_404(comment.experience_id, user)


def own_comment_or_404(comment_id: int, user: User) -> tuple[Comment, Experience]:
    """As `comment_or_404`, then 403 unless the user may edit it (own, not hidden)."""
    comment, experience = comment_or_404(comment_id, user)
    require(may_edit_comment(user, comment))
    return comment, experience


def curated_comment_or_404(comment_id: int, user: User) -> tuple[Comment, Experience]:
    """As `comment_or_404`, then 403 unless the user hides and restores comments."""
    comment, experience = comment_or_404(comment_id, user)
    require(may_curate(user))
    return comment, experience
