"""Reading who recognised what."""
from __future__ import annotations

from ..auth.models import User
from ..experiences.models import Experience
from ..extensions import db
from .models import Recognition


def has_recognised(user: User, experience: Experience) -> bool:
    return db.session.get(Recognition, (experience.id, user.id)) is not None
