"""Who may put an experience in the bin and take it out again; the loader for what is in it."""
from __future__ import annotations

from ..auth.models import User
from ..errors import NotFound
from ..experiences.models import Experience
from ..experiences.policies import can_view
from ..extensions import db


def may_delete(user: User, experience: Experience) -> bool:
    """The author, or a curator who can see it."""
    return can_view(user, experience) and (experience.author_id == user.id or user.is_curator)


def may_use_bin(user: User) -> bool:
    return user.is_authenticated and user.is_curator


def get_binned_or_404(experience_id: int) -> Experience:
    experience = db.session.get(Experience, experience_id)
    if experience is None or not experience.is_deleted:
        raise NotFound()
    return experience
