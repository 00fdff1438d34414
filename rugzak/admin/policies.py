"""Who administers users, and the loader that finds a user for them."""
from __future__ import annotations

from ..auth.models import User
from ..auth.policies import may_administer, require
from ..errors import NotFound
from ..extensions import db


def may_see_overview(user: User) -> bool:
    """/beheer lists the curators' and the administrator's tasks."""
    return user.is_authenticated and user.is_curator


def may_administer_users(actor: User | None) -> bool:
    """The administrator; None is the operator on the server's command line."""
    return actor is None or may_administer(actor)


def user_or_404(user_id: int, actor: User | None) -> User:
    """The user to administer: 403 for who may not administer, 404 for an unknown id."""
    require(may_administer_users(actor))
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound()
    return user


def is_self(actor: User | None, user: User) -> bool:
    return actor is not None and actor.id == user.id
