"""Snel vastleggen is for one's own concept; anything else is edited with the full form."""
from __future__ import annotations

from ..auth.models import User
from ..experiences.models import Experience


def may_capture(user: User, experience: Experience) -> bool:
    return experience.author_id == user.id and not experience.is_published
