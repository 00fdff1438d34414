"""Comments in the data download, and at erasure.

Erasure keeps a person's visible comments, attributed to "oud-medewerker", also when their
experiences are deleted: the option deletes *experiences* (issue 7), and a comment belongs to
the conversation under a colleague's experience. Comments the person deleted themselves were
kept only because nothing is hard-deleted; erasure removes them for good. Comments under the
person's own deleted experiences go with those experiences.
"""
from __future__ import annotations

from sqlalchemy import delete, select

from ..auth.models import User
from ..extensions import db
from ..personal_data import personal_data_section, user_erasing
from .models import Comment


@personal_data_section("comments", Comment.author_id)
def comments_written(user: User) -> list[dict]:
    rows = db.session.scalars(select(Comment).where(Comment.author_id == user.id)
                              .order_by(Comment.id))
    return [{"id": c.id, "experience_id": c.experience_id, "body": c.body,
             "created_at": c.created_at, "edited_at": c.edited_at, "hidden_at": c.hidden_at,
             "hidden_reason": c.hidden_reason, "deleted_at": c.deleted_at} for c in rows]


@user_erasing.connect
def remove_deleted_comments(user: User, **_options) -> None:
    db.session.execute(delete(Comment).where(Comment.author_id == user.id,
                                             Comment.deleted_at.is_not(None)))
