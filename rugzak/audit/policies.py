"""Who reads the audit log."""
from __future__ import annotations

from ..auth.models import User
from ..auth.policies import may_administer


def may_read_audit(user: User) -> bool:
    return may_administer(user)
