"""Who reviews resident-data findings and who erases a person."""
from __future__ import annotations

from ..admin.policies import may_administer_users
from ..auth.models import User


def may_review_findings(user: User) -> bool:
    """Confirmed findings are for the core team (and the administrator)."""
    return user.is_authenticated and user.is_curator


def may_erase(actor: User | None) -> bool:
    """The administrator, or the operator on the server's command line (None)."""
    return may_administer_users(actor)
