"""One-time set-password links: their dates in the data download (never the token, which is
not stored); removed at erasure."""
from __future__ import annotations

from sqlalchemy import delete, select

from ..auth.models import User
from ..extensions import db
from ..personal_data import personal_data_section, user_erasing
from .models import PasswordLink


@personal_data_section("password_links", PasswordLink.user_id)
def password_links(user: User) -> list[dict]:
    rows = db.session.scalars(select(PasswordLink).where(PasswordLink.user_id == user.id)
                              .order_by(PasswordLink.id))
    return [{"created_at": link.created_at, "expires_at": link.expires_at,
             "used_at": link.used_at} for link in rows]


@user_erasing.connect
def remove_password_links(user: User, **_options) -> None:
    db.session.execute(delete(PasswordLink).where(PasswordLink.user_id == user.id))
