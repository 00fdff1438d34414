"""Who may read an experience's earlier versions; the loaders for the history pages."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..auth.models import User
from ..auth.roles import Role
from ..errors import Forbidden, NotFound
from ..experiences.models import Experience
from ..experiences.policies import can_edit, can_view, get_visible_or_404
from ..extensions import db
from .models import ExperienceRevision

HISTORY_REFUSED = _l("De geschiedenis van een ervaring is er alleen voor wie hem mag bewerken "
                     "en voor de beheerder.")


def may_see_history(user: User, experience: Experience) -> bool:
    """Earlier versions may hold text an author took out: editors and the beheerder only."""
    return can_edit(user, experience) or (user.role == Role.BEHEERDER
                                          and can_view(user, experience))


def with_history_or_404(experience_id: int, user: User) -> Experience:
    """404 for what the user may not see, 403 for an experience whose history they may not
    read."""
    experience = get_visible_or_404(experience_id, user)
    if not may_see_history(user, experience):
        raise Forbidden(HISTORY_REFUSED)
    return experience


def get_revision_or_404(experience: Experience, number: int) -> ExperienceRevision:
    revision = db.session.scalar(select(ExperienceRevision).filter_by(
        experience_id=experience.id, number=number))
    if revision is None:
        raise NotFound()
    return revision
