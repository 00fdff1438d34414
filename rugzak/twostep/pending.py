"""Between the password and the code: the session cookie (signed) names the account and when
the password was right; nobody is signed in yet, and after a few minutes it is forgotten."""
from __future__ import annotations

import time

from flask import current_app, session

from ..auth.models import User
from ..extensions import db

PENDING_KEY = "two_step_pending"


def begin_second_step(user: User, next_url: str | None) -> None:
    session.clear()  # a new session at sign-in: no fixation
    session[PENDING_KEY] = {"user": user.get_id(), "since": int(time.time()),
                            "next": next_url or ""}


def pending_user() -> User | None:
    """The active account whose password was just right, while the few minutes last."""
    pending = session.get(PENDING_KEY)
    if not isinstance(pending, dict):
        return None
    limit = current_app.config["TWO_STEP_MINUTES"] * 60
    if time.time() - pending.get("since", 0) > limit:
        return None
    user_id, _, _generation = str(pending.get("user", "")).partition(":")
    user = db.session.get(User, int(user_id)) if user_id.isdigit() else None
    if user is None or not user.active or user.get_id() != pending["user"]:
        return None
    return user


def pending_next() -> str:
    return (session.get(PENDING_KEY) or {}).get("next", "")
