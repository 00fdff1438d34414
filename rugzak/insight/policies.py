"""Who sees which insight figures."""
from __future__ import annotations

from ..auth.models import User


def may_see_searches(user: User) -> bool:
    """What was searched in vain is for the core team (and the administrator) only."""
    return user.is_curator
