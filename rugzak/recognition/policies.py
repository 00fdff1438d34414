"""Who may find an experience recognisable (herkenbaar)."""
from __future__ import annotations

from flask_babel import gettext as _

from ..auth.models import User
from ..experiences.models import Experience


def recognition_refused(user: User, experience: Experience) -> str | None:
    """Why `user` may not recognise this (visible) experience, or None when they may."""
    if experience.author_id == user.id:
        return _("Je eigen ervaring kun je niet herkenbaar vinden.")
    if not experience.is_published or experience.is_hidden:
        return _("Deze ervaring kun je nu niet herkenbaar vinden.")
    return None


def may_recognise(user: User, experience: Experience) -> bool:
    return recognition_refused(user, experience) is None
