"""How Flask-Login finds the current user: the session, or a personal API token."""
from __future__ import annotations

from datetime import timedelta

from flask_babel import lazy_gettext as _l
from flask_login import LoginManager
from sqlalchemy import select

from ..bearer import bearer_token
from ..extensions import db
from ..security.sessions import session_is_valid
from ..timeutil import utcnow
from .models import ApiToken, User

TOKEN_USE_RESOLUTION = timedelta(minutes=1)  # last_used_at: no write on every API call


def configure_login(manager: LoginManager) -> None:
    manager.login_view = "auth.login"
    manager.login_message = _l("Log in om deze pagina te zien.")
    manager.login_message_category = "info"
    manager.session_protection = "strong"
    manager.user_loader(load_session_user)
    manager.request_loader(load_token_user)


def load_session_user(session_id: str) -> User | None:
    """The session holds "<user id>:<generation>" and the key of an open server-side session
    (rugzak/security/sessions.py); an old generation or an ended session no longer signs in."""
    user_id, _, generation = session_id.partition(":")
    if not user_id.isdigit() or not generation.isdigit():
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.active or user.session_generation != int(generation):
        return None
    return user if session_is_valid(user) else None


def load_token_user(req) -> User | None:
    token = bearer_token(req)
    if not token:
        return None
    row = db.session.scalar(select(ApiToken).where(ApiToken.digest == ApiToken.digest_of(token)))
    now = utcnow()
    if row is None or not row.works_at(now) or not row.user.active:
        return None
    if row.last_used_at is None or now - row.last_used_at > TOKEN_USE_RESOLUTION:
        row.last_used_at = now
        db.session.commit()
    return row.user
