"""Who reads which bundle and who keeps them: the one place these rules live.

Everyone signed in reads the internal bundles, partners only those shared with them; the
core team keeps them (`may_curate`). A reader never sees an item whose experience they may not
see. The loaders find a bundle or item AND check access in one call.
"""
from __future__ import annotations

from sqlalchemy import ColumnElement, true

from ..auth.models import User
from ..auth.policies import may_curate, require
from ..errors import NotFound
from ..experiences.models import Visibility
from ..experiences.policies import can_view
from ..extensions import db
from .models import Bundle, BundleItem


def readable_clause(user: User) -> ColumnElement[bool]:
    if user.is_partner:
        return Bundle.visibility == Visibility.MET_PARTNERS
    return true()


def may_read(user: User, bundle: Bundle) -> bool:
    return not user.is_partner or bundle.visibility == Visibility.MET_PARTNERS


def bundle_or_404(bundle_id: int, user: User, keep: bool = False) -> Bundle:
    """A bundle `user` may read (404 otherwise); with `keep`, also one they may keep (403)."""
    bundle = db.session.get(Bundle, bundle_id)
    if bundle is None or not may_read(user, bundle):
        raise NotFound()
    if keep:
        require(may_curate(user))
    return bundle


def kept_item_or_404(bundle_id: int, item_id: int, user: User) -> BundleItem:
    """An item the core team may change: in a bundle they read, of an experience they see."""
    bundle = bundle_or_404(bundle_id, user, keep=True)
    item = db.session.get(BundleItem, item_id)
    if item is None or item.bundle_id != bundle.id or not can_view(user, item.experience):
        raise NotFound()
    return item
