"""Reads for user administration: the user search (also the audit log's person filter) and the
link behind a token."""
from __future__ import annotations

from sqlalchemy import ColumnElement, Select, func, or_, select

from ..auth.models import User
from ..extensions import db
from ..timeutil import utcnow
from .models import PasswordLink

SEARCH_MAX = 100


def user_matches(text: str) -> ColumnElement[bool]:
    """Name or e-mail address contains `text`, whatever the case."""
    pattern = f"%{text.strip()[:SEARCH_MAX].lower()}%"
    return or_(func.lower(User.name).like(pattern), func.lower(User.email).like(pattern))


def users_matching(text: str) -> Select:
    """Users by name; only those matching `text` when it is not blank."""
    query = select(User).order_by(func.lower(User.name))
    return query.where(user_matches(text)) if text.strip() else query


def usable_link(token: str) -> PasswordLink | None:
    """The link behind a token, if it is unused, not expired and its user is active."""
    link = db.session.scalar(select(PasswordLink).where(
        PasswordLink.digest == PasswordLink.digest_of(token)))
    if link is None or link.used_at is not None or link.expires_at <= utcnow() \
            or not link.user.active:
        return None
    return link
