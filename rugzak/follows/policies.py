"""Whose follow is whose: the loader that finds a follow and checks it is the user's own."""
from __future__ import annotations

from ..auth.models import User
from ..errors import NotFound
from ..extensions import db
from .models import Follow


def own_follow_or_404(follow_id: int, user: User) -> Follow:
    """Someone else's follow is not found: nobody learns what others follow."""
    follow = db.session.get(Follow, follow_id)
    if follow is None or follow.user_id != user.id:
        raise NotFound()
    return follow
