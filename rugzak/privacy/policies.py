"""Who reviews resident-data findings and who erases a person."""
from __future__ import annotations

from ..auth.models import User
from ..auth.roles import Role


def may_review_findings(user: User) -> bool:
    """Confirmed findings are for the core team (and the administrator)."""
    return user.is_authenticated and user.is_curator


def may_erase(user: User) -> bool:
    return user.is_authenticated and user.role == Role.BEHEERDER
