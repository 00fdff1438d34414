"""Who may review and correct implausible dates: the beheerder, or the operator (None)."""
from __future__ import annotations

from ..auth.models import User
from ..auth.policies import may_administer


def may_correct_dates(actor: User | None) -> bool:
    return actor is None or may_administer(actor)
