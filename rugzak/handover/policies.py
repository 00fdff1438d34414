"""Who may download the handover package."""
from __future__ import annotations

from ..auth.models import User


def may_hand_over(user: User) -> bool:
    """The core team and the beheerder: the people who carry the work on."""
    return user.is_authenticated and user.is_curator
