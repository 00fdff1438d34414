"""Server-side session records: the cookie carries only a random key to one of these rows.

Signing out, an idle timeout, the absolute lifetime, a password change and deactivation end
the row, so a copy of the cookie stops working at once, in every worker.
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from enum import StrEnum

from flask import current_app, flash, g, has_request_context, request, session
from flask.sessions import SecureCookieSessionInterface
from flask_babel import gettext as _
from flask_login import login_user
from sqlalchemy import ForeignKey, String, select, update
from sqlalchemy.orm import Mapped, mapped_column

from ..auth.models import User
from ..extensions import db
from ..timeutil import UTCDateTime, utcnow

SESSION_KEY = "sid"
# Where signing out goes on to (the organisation account's end_session_endpoint), if anywhere
SIGN_OUT_URL_KEY = "sign_out_url"
# set when the organisation account signed the person in: its provider does the second step
ORGANISATION_ACCOUNT_KEY = "organisation_account"
SEEN_RESOLUTION = timedelta(minutes=1)  # last_seen_at is written at most once a minute


class EndReason(StrEnum):
    SIGNED_OUT = "afgemeld"
    IDLE = "inactief"
    EXPIRED = "verlopen"
    PASSWORD_CHANGED = "wachtwoord gewijzigd"
    DEACTIVATED = "gedeactiveerd"
    ENDED_BY_USER = "beëindigd"
    REVOKED = "ingetrokken"  # an API token, by its owner or the administrator


class UserSession(db.Model):
    __tablename__ = "user_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256 of the cookie key
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    end_reason: Mapped[str | None] = mapped_column(String(30))

    @property
    def is_open(self) -> bool:
        return self.ended_at is None


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def start_session(user: User) -> UserSession:
    """A new server-side session for a user who just signed in; its key goes into the cookie."""
    key = secrets.token_urlsafe(32)
    row = UserSession(digest=_digest(key), user_id=user.id)
    db.session.add(row)
    db.session.commit()
    session[SESSION_KEY] = key
    return row


def sign_in(user: User) -> None:
    """Sign in someone who just proved who they are: a new cookie session (no fixation) with
    a new server-side row."""
    session.clear()
    start_session(user)
    login_user(user)


def current_session() -> UserSession | None:
    """The open session row of this request, once the user loader accepted it."""
    return g.get("user_session")


def session_is_valid(user: User) -> bool:
    """Does the cookie of this request point to an open, fresh session of `user`?"""
    key = session.get(SESSION_KEY)
    if not key:
        return False
    row = db.session.scalar(select(UserSession).where(UserSession.digest == _digest(key)))
    if row is None or row.user_id != user.id or not row.is_open:
        return False
    now = utcnow()
    expired = _expiry_reason(row, now)
    if expired:
        _end(row, expired, now)
        db.session.commit()
        if not request.path.startswith("/api/"):
            flash(_("Je sessie is verlopen. Log opnieuw in."), "info")
        return False
    if now - row.last_seen_at >= SEEN_RESOLUTION:
        row.last_seen_at = now
        db.session.commit()
    g.user_session = row
    return True


def _expiry_reason(row: UserSession, now: datetime) -> EndReason | None:
    config = current_app.config
    if now - row.created_at > timedelta(hours=config["SESSION_MAX_HOURS"]):
        return EndReason.EXPIRED
    if now - row.last_seen_at > timedelta(minutes=config["SESSION_IDLE_MINUTES"]):
        return EndReason.IDLE
    return None


def _end(row: UserSession, reason: EndReason, now: datetime | None = None) -> None:
    row.ended_at = now or utcnow()
    row.end_reason = reason


def end_current_session(reason: EndReason = EndReason.SIGNED_OUT) -> None:
    """End this request's session row; the caller commits."""
    row = current_session()
    if row is not None and row.is_open:
        _end(row, reason)


def end_sessions(user: User, reason: EndReason, keep_current: bool = False) -> None:
    """End every open session of `user` (but this request's, when asked); the caller commits."""
    condition = [UserSession.user_id == user.id, UserSession.ended_at.is_(None)]
    current = current_session()
    if keep_current and current is not None:
        condition.append(UserSession.id != current.id)
    db.session.execute(update(UserSession).where(*condition)
                       .values(ended_at=utcnow(), end_reason=reason)
                       .execution_options(synchronize_session="fetch"))


def open_sessions(user: User) -> list[UserSession]:
    return list(db.session.scalars(
        select(UserSession).where(UserSession.user_id == user.id, UserSession.ended_at.is_(None))
        .order_by(UserSession.last_seen_at.desc())))


class SessionCookies(SecureCookieSessionInterface):
    """Flask's signed cookie, marked Secure when configured or when the request is HTTPS.
    A Secure cookie is a `__Host-` cookie (Path=/, no Domain): no other host under the same
    domain, not even over plain HTTP, can set or overwrite it. Signed with HMAC-SHA-256, not
    Flask's default SHA-1 (ASVS 11.4.1)."""

    digest_method = staticmethod(hashlib.sha256)

    def get_cookie_secure(self, app) -> bool:
        if app.config["SESSION_COOKIE_SECURE"]:
            return True
        return has_request_context() and request.is_secure

    def get_cookie_name(self, app) -> str:
        name = super().get_cookie_name(app)
        return f"__Host-{name}" if self.get_cookie_secure(app) else name

    def get_cookie_domain(self, app) -> str | None:
        return None if self.get_cookie_secure(app) else super().get_cookie_domain(app)

    def get_cookie_path(self, app) -> str:
        return "/" if self.get_cookie_secure(app) else super().get_cookie_path(app)
