"""Who keeps which list of the taxonomy."""
from __future__ import annotations

from ..auth.models import User
from ..auth.policies import may_administer, may_keep_vocabulary
from .models import Goal


def may_keep_list(user: User, model) -> bool:
    """Goals are vocabulary; conditions, departments and partners are the administrator's."""
    return may_keep_vocabulary(user) if model is Goal else may_administer(user)
