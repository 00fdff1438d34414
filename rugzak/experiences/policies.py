"""Who may see and edit which experience: the one place these rules live."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import ColumnElement, and_, false, or_, true

from ..auth.models import User
from ..auth.roles import Role
from ..errors import Forbidden, NotFound
from ..extensions import db
from .models import Experience, Status, Visibility

EDIT_REFUSED = _l("Alleen de auteur en het kernteam kunnen deze ervaring bewerken.")


def not_deleted() -> ColumnElement[bool]:
    """Experiences in the bin are gone for everyone, their author included."""
    return Experience.deleted_at.is_(None)


def visible_clause(user: User | None) -> ColumnElement[bool]:
    """SQL condition for the experiences `user` may see.

    Drafts are seen by their author only; hidden ones by curators and the author; partners
    never see `intern` experiences (not even hidden or old ones they did not write); nobody
    sees what is in the bin.
    """
    if user is None or not user.is_authenticated:
        return false()
    published = Experience.status == Status.GEPUBLICEERD
    not_hidden = true() if user.is_curator else Experience.hidden_at.is_(None)
    shared = (Experience.visibility == Visibility.MET_PARTNERS) if user.is_partner else true()
    return and_(not_deleted(),
                or_(Experience.author_id == user.id, and_(published, not_hidden, shared)))


def can_view(user: User, experience: Experience) -> bool:
    if experience.is_deleted:
        return False
    if experience.author_id == user.id:
        return True
    if experience.status != Status.GEPUBLICEERD:
        return False
    if experience.is_hidden and not user.is_curator:
        return False
    return not (user.is_partner and experience.visibility != Visibility.MET_PARTNERS)


def can_edit(user: User, experience: Experience) -> bool:
    if experience.author_id == user.id:
        return True
    return user.role == Role.KERNTEAM and can_view(user, experience)


def get_visible_or_404(experience_id: int, user: User) -> Experience:
    """404, not 403, for what the user may not see: its existence is not revealed either."""
    experience = db.session.get(Experience, experience_id)
    if experience is None or not can_view(user, experience):
        raise NotFound()
    return experience


def ensure_may_edit(user: User, experience: Experience) -> None:
    """403 for an editor who may see the experience but not edit it."""
    if not can_edit(user, experience):
        raise Forbidden(EDIT_REFUSED)


def editable_or_404(experience_id: int, user: User) -> Experience:
    """The experience to edit: 404 for what the user may not see, 403 for what they may see
    but not edit."""
    experience = get_visible_or_404(experience_id, user)
    ensure_may_edit(user, experience)
    return experience
