"""The feed token in the data download; erasure removes it."""
from __future__ import annotations

from sqlalchemy import delete, select

from ..auth.models import User
from ..extensions import db
from ..personal_data import personal_data_section, user_erasing
from .models import FeedToken


@personal_data_section("feed_token", FeedToken.user_id)
def feed_token(user: User) -> list[dict]:
    rows = db.session.scalars(select(FeedToken).where(FeedToken.user_id == user.id))
    return [{"created_at": row.created_at} for row in rows]


@user_erasing.connect
def remove_feed_token(user: User, **_options) -> None:
    db.session.execute(delete(FeedToken).where(FeedToken.user_id == user.id))
