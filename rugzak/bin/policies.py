"""Who may put an experience in the bin and take it out again; the loaders for both."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import ColumnElement, and_

from ..auth.models import User
from ..errors import Forbidden, NotFound
from ..experiences.models import Experience
from ..experiences.policies import can_view, get_visible_or_404
from ..extensions import db

DELETE_REFUSED = _l("Alleen de auteur en het kernteam kunnen deze ervaring verwijderen.")
BIN_REFUSED = _l("Alleen het kernteam kan de prullenbak gebruiken.")
RESTORE_REFUSED = _l("Alleen het kernteam en de auteur die hem zelf verwijderde, kunnen deze "
                     "ervaring terugzetten.")


def may_delete(user: User, experience: Experience) -> bool:
    """The author, or a curator who can see it."""
    return can_view(user, experience) and (experience.author_id == user.id or user.is_curator)


def ensure_may_delete(user: User, experience: Experience) -> None:
    if not may_delete(user, experience):
        raise Forbidden(DELETE_REFUSED)


def deletable_or_404(experience_id: int, user: User) -> Experience:
    """404 for what the user may not see, 403 for what they see but may not delete."""
    experience = get_visible_or_404(experience_id, user)
    ensure_may_delete(user, experience)
    return experience


def may_use_bin(user: User) -> bool:
    return user.is_authenticated and user.is_curator


def ensure_may_use_bin(user: User) -> None:
    if not may_use_bin(user):
        raise Forbidden(BIN_REFUSED)


def may_restore(user: User, experience: Experience) -> bool:
    """The core team, or the author who put it in the bin themselves: their own undo."""
    return may_use_bin(user) or (user.is_authenticated and experience.author_id == user.id
                                 and experience.deleted_by_id == user.id)


def own_undo_clause(user: User) -> ColumnElement[bool]:
    """The author's part of `may_restore` as SQL: what `user` wrote and binned themselves."""
    return and_(Experience.author_id == user.id, Experience.deleted_by_id == user.id)


def ensure_may_restore(user: User, experience: Experience) -> None:
    if not may_restore(user, experience):
        raise Forbidden(RESTORE_REFUSED)


def restorable_or_404(experience_id: int, user: User) -> Experience:
    """404 for what is not in the bin to those who use it; 403 to whoever may not restore it,
    for any number, so the bin does not tell them what it holds."""
    experience = db.session.get(Experience, experience_id)
    if experience is not None and experience.is_deleted and may_restore(user, experience):
        return experience
    if may_use_bin(user):
        raise NotFound()
    raise Forbidden(RESTORE_REFUSED)
