"""Who keeps the synonyms: who keeps the vocabulary (the core team and the administrator)."""
from __future__ import annotations

from ..auth.models import User
from ..auth.policies import may_keep_vocabulary, require
from ..errors import NotFound
from ..extensions import db
from .models import SynonymGroup


def may_keep_synonyms(user: User) -> bool:
    return may_keep_vocabulary(user)


def kept_group_or_404(group_id: int, user: User) -> SynonymGroup:
    """403 for who keeps no synonyms, 404 for a group that does not exist."""
    require(may_keep_synonyms(user))
    group = db.session.get(SynonymGroup, group_id)
    if group is None:
        raise NotFound()
    return group
