"""A person's notifications in the data download (references: kinds and ids, as stored), and
removed at erasure."""
from __future__ import annotations

from sqlalchemy import delete, select

from ..auth.models import User
from ..extensions import db
from ..personal_data import personal_data_section, user_erasing
from .models import Notification


@personal_data_section("notifications", Notification.user_id)
def notifications_received(user: User) -> list[dict]:
    rows = db.session.scalars(select(Notification).where(Notification.user_id == user.id)
                              .order_by(Notification.id))
    return [{"kind": n.kind, "experience_id": n.experience_id, "comment_id": n.comment_id,
             "agenda_item_id": n.agenda_item_id, "bundle_id": n.bundle_id,
             "created_at": n.created_at, "read_at": n.read_at} for n in rows]


@user_erasing.connect
def remove_notifications(user: User, **_options) -> None:
    db.session.execute(delete(Notification).where(Notification.user_id == user.id))
