"""The agenda in the data download, and at erasure.

An item the person owns goes to their department (a partner's: their organisation), so the
agreed action keeps someone accountable; the handover is a line in the item's history. Without
an organisation the item stays with "oud-medewerker" for the kernteam to give to someone else.
The history keeps owner names as text: the person's name there becomes "oud-medewerker".
Items they made, updates they wrote and changes they made stay, by "oud-medewerker".
"""
from __future__ import annotations

from sqlalchemy import ColumnElement, and_, or_, select, update

from ..auth.models import User
from ..extensions import db
from ..personal_data import ERASED_NAME, personal_data_section, user_erasing
from ..taxonomy.models import Department
from ..timeutil import utcnow
from .models import AgendaChange, AgendaItem, AgendaUpdate


@personal_data_section("agenda", AgendaItem.created_by_id, AgendaItem.owner_user_id,
                       AgendaChange.changed_by_id, AgendaUpdate.author_id)
def agenda(user: User) -> dict:
    items = db.session.scalars(select(AgendaItem).where(or_(
        AgendaItem.owner_user_id == user.id, AgendaItem.created_by_id == user.id))
        .order_by(AgendaItem.id))
    updates = db.session.scalars(select(AgendaUpdate).where(AgendaUpdate.author_id == user.id)
                                 .order_by(AgendaUpdate.id))
    changes = db.session.scalars(select(AgendaChange)
                                 .where(AgendaChange.changed_by_id == user.id)
                                 .order_by(AgendaChange.id))
    named = db.session.scalars(select(AgendaChange).where(_names(user)).order_by(AgendaChange.id))
    return {
        "items": [{"id": i.id, "title": i.title, "description": i.description,
                   "status": i.status, "target_date": i.target_date,
                   "owned_by_you": i.owner_user_id == user.id,
                   "made_by_you": i.created_by_id == user.id, "created_at": i.created_at}
                  for i in items],
        "updates_written": [{"item_id": u.item_id, "written_at": u.written_at, "text": u.text,
                             "status": u.status} for u in updates],
        "changes_made": [{"item_id": c.item_id, "changed_at": c.changed_at, "field": c.field,
                          "old_value": c.old_value, "new_value": c.new_value}
                         for c in changes],
        "named_as_owner": [{"item_id": c.item_id, "changed_at": c.changed_at,
                            "old_value": c.old_value, "new_value": c.new_value} for c in named],
    }


@user_erasing.connect
def hand_over_and_forget_name(user: User, actor: User | None = None, **_options) -> None:
    _hand_over_items(user, actor)
    for column in (AgendaChange.old_value, AgendaChange.new_value):
        db.session.execute(update(AgendaChange).where(_names(user, column))
                           .values({column: ERASED_NAME})
                           .execution_options(synchronize_session=False))


def _names(user: User, *columns) -> ColumnElement[bool]:
    """History lines that name the user as an owner (the history keeps names as text)."""
    columns = columns or (AgendaChange.old_value, AgendaChange.new_value)
    return and_(AgendaChange.field == "owner", or_(*(column == user.name for column in columns)))


def _hand_over_items(user: User, actor: User | None) -> None:
    organisation = user.organisation
    if organisation is None:
        return
    owned = db.session.scalars(select(AgendaItem).where(AgendaItem.owner_user_id == user.id))
    for item in owned:
        item.owner_user = None
        if isinstance(organisation, Department):
            item.owner_department = organisation
        else:
            item.owner_partner = organisation
        item.updated_at = utcnow()
        db.session.add(AgendaChange(item=item, changed_by=actor, field="owner",
                                    old_value=ERASED_NAME, new_value=organisation.name))
