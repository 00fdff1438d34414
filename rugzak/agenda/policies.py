"""Who may see, start, edit and update which agenda item: the one place these rules live.

Staff see every item. Partners see the items their organisation or they themselves own, and
the items shared with partners; they add progress to those, but do not start or edit items.
Kernteam and beheerder edit every item; a medewerker edits what they started or own, or what
their department owns. The loaders find an item AND check access in one call.
"""
from __future__ import annotations

from sqlalchemy import ColumnElement, or_, true

from ..auth.models import User
from ..auth.policies import require
from ..errors import NotFound
from ..extensions import db
from .models import AgendaItem


def visible_items_clause(user: User) -> ColumnElement[bool]:
    if not user.is_partner:
        return true()
    return or_(AgendaItem.shared_with_partners.is_(True), AgendaItem.owner_user_id == user.id,
               AgendaItem.owner_partner_id == user.partner_id)


def can_view(user: User, item: AgendaItem) -> bool:
    if not user.is_partner:
        return True
    return (item.shared_with_partners or item.owner_user_id == user.id
            or (item.owner_partner_id is not None and item.owner_partner_id == user.partner_id))


def may_create(user: User) -> bool:
    return not user.is_partner


def can_edit(user: User, item: AgendaItem) -> bool:
    if user.is_curator:
        return True
    if user.is_partner:
        return False
    return user.id in (item.created_by_id, item.owner_user_id) or (
        item.owner_department_id is not None and item.owner_department_id == user.department_id)


def can_add_update(user: User, item: AgendaItem) -> bool:
    return can_view(user, item)


def visible_item_or_404(item_id: int, user: User) -> AgendaItem:
    """404, not 403, for an item the user may not see: its existence is not revealed."""
    item = db.session.get(AgendaItem, item_id)
    if item is None or not can_view(user, item):
        raise NotFound()
    return item


def editable_item_or_404(item_id: int, user: User) -> AgendaItem:
    """An item the user sees (404 otherwise) and may edit (403 otherwise)."""
    item = visible_item_or_404(item_id, user)
    require(can_edit(user, item))
    return item
