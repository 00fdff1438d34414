"""One-time links to set a password: valid 48 hours, usable once, stored only as a digest."""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import ForeignKey, String, select, update
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..auth.passwords import hash_password, password_problem
from ..extensions import db
from ..timeutil import UTCDateTime, utcnow

VALID_FOR = timedelta(hours=48)


class PasswordLink(db.Model):
    __tablename__ = "password_links"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()

    @staticmethod
    def digest_of(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()


class LinkProblem(Exception):
    """A Dutch explanation, for the field `password` or `confirm`."""

    def __init__(self, message: str, field: str = "password"):
        super().__init__(message)
        self.field = field
        self.message = message


def issue_link(user: User) -> str:
    """Make a new link (ending any older one) and return its token; the caller commits."""
    now = utcnow()
    db.session.execute(update(PasswordLink).where(
        PasswordLink.user_id == user.id, PasswordLink.used_at.is_(None),
        PasswordLink.expires_at > now).values(expires_at=now))
    token = secrets.token_urlsafe(32)
    db.session.add(PasswordLink(user_id=user.id, digest=PasswordLink.digest_of(token),
                                expires_at=now + VALID_FOR))
    record(Action.PASSWORD_LINK_CREATED, target=user)
    return token


def usable_link(token: str) -> PasswordLink | None:
    """The link behind a token, if it is unused, not expired and its user is active."""
    link = db.session.scalar(select(PasswordLink).where(
        PasswordLink.digest == PasswordLink.digest_of(token)))
    if link is None or link.used_at is not None or link.expires_at <= utcnow() \
            or not link.user.active:
        return None
    return link


def set_password_with(link: PasswordLink, password: str, confirm: str) -> User:
    """Use the link once: set the password and end the user's other sessions."""
    problem = password_problem(password)
    if problem:
        raise LinkProblem(problem)
    if password != confirm:
        raise LinkProblem(_("De twee wachtwoorden zijn niet gelijk."), "confirm")
    claimed = db.session.execute(update(PasswordLink).where(
        PasswordLink.id == link.id, PasswordLink.used_at.is_(None))
        .values(used_at=utcnow())).rowcount
    if claimed != 1:  # used in another request at the same moment
        db.session.rollback()
        raise LinkProblem(_("Deze link is al gebruikt."))
    user = link.user
    user.password_hash = hash_password(password)
    user.session_generation += 1
    record(Action.PASSWORD_CHANGED, target=user, actor=user, detail="via eenmalige link")
    db.session.commit()
    return user
