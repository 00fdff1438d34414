"""Reading the comments a user may see."""
from __future__ import annotations

from sqlalchemy import select

from ..auth.models import User
from ..experiences.models import Experience
from ..extensions import db
from .models import Comment
from .policies import visible_comment_clause


def comments_on(experience: Experience, user: User) -> list[Comment]:
    """The comments `user` may see, oldest first (the caller checked the experience)."""
    return list(db.session.scalars(
        select(Comment).where(Comment.experience_id == experience.id,
                              visible_comment_clause(user))
        .order_by(Comment.created_at, Comment.id)))

