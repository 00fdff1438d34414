"""The experience the core team curates: found and checked in one call."""
from __future__ import annotations

from ..auth.models import User
from ..auth.policies import may_curate, require
from ..experiences.models import Experience
from ..experiences.policies import get_visible_or_404


def curated_or_404(experience_id: int, user: User) -> Experience:
    """404 for what the user may not see, then 403 unless the user curates."""
    experience = get_visible_or_404(experience_id, user)
    require(may_curate(user))
    return experience
