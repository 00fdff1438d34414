"""What a person follows in the data download; at erasure their follows go, and so do the
follows of others that name the person as an author."""
from __future__ import annotations

from sqlalchemy import delete, or_, select

from ..auth.models import User
from ..extensions import db
from ..personal_data import personal_data_section, user_erasing
from .models import Follow, FollowKind


@personal_data_section("follows", Follow.user_id)
def follows_kept(user: User) -> list[dict]:
    rows = db.session.scalars(select(Follow).where(Follow.user_id == user.id)
                              .order_by(Follow.id))
    return [{"kind": f.kind, "target": f.target, "created_at": f.created_at} for f in rows]


@user_erasing.connect
def remove_follows(user: User, **_options) -> None:
    db.session.execute(delete(Follow).where(or_(
        Follow.user_id == user.id,
        (Follow.kind == FollowKind.AUTHOR) & (Follow.target == str(user.id)))))
