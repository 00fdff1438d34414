"""Reading bundles. A reader never sees an item they may not see, nor its count."""
from __future__ import annotations

from sqlalchemy import Select, func, select

from ..auth.models import User
from ..experiences.models import Experience
from ..experiences.policies import can_view, visible_clause
from ..extensions import db
from .models import Bundle, BundleItem
from .policies import readable_clause


def readable_bundles(user: User) -> Select:
    return (select(Bundle).where(readable_clause(user))
            .order_by(Bundle.updated_at.desc(), Bundle.id.desc()))


def visible_items(bundle: Bundle, user: User) -> list[BundleItem]:
    return [item for item in bundle.items if can_view(user, item.experience)]


def visible_counts(bundles: list[Bundle], user: User) -> dict[int, int]:
    """Per bundle, the number of items this user may see."""
    ids = [bundle.id for bundle in bundles]
    rows = db.session.execute(
        select(BundleItem.bundle_id, func.count()).join(Experience)
        .where(BundleItem.bundle_id.in_(ids), visible_clause(user))
        .group_by(BundleItem.bundle_id)).all() if ids else []
    return {bundle.id: 0 for bundle in bundles} | dict(rows)
