"""Who keeps which part of the taxonomy; loaders that find a kept tag or entry."""
from __future__ import annotations

from sqlalchemy import select

from ..auth.models import User
from ..auth.policies import may_administer, may_keep_vocabulary, require
from ..errors import NotFound
from ..extensions import db
from .kinds import KINDS, EntryKind
from .models import Goal, Tag
from .queries import tag_with_count


def may_keep_list(user: User, model) -> bool:
    """Goals are vocabulary; conditions, departments and partners are the administrator's."""
    return may_keep_vocabulary(user) if model is Goal else may_administer(user)


def kept_tag_or_404(tag_id: int, user: User) -> Tag:
    """403 for who keeps no tags; 404 for a tag the user sees on no published experience (a
    tag used only in someone else's draft stays unknown)."""
    require(may_keep_vocabulary(user))
    found = tag_with_count(user, tag_id)
    if found is None:
        raise NotFound()
    return found[0]


def kept_kind(key: str, user: User) -> EntryKind:
    """The named list under URL segment `key`, if the user keeps it (else 403)."""
    kind = KINDS[key]
    require(may_keep_list(user, kind.model))
    return kind


def kept_entry_or_404(key: str, user: User, **identity) -> tuple[EntryKind, object]:
    """The kind and the entry of a list the user keeps, found by id or by slug (else 404)."""
    kind = kept_kind(key, user)
    entry = db.session.scalar(select(kind.model).filter_by(**identity))
    if entry is None:
        raise NotFound()
    return kind, entry
