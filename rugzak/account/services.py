"""Changing your own password and ending your other sessions."""
from __future__ import annotations

from flask_babel import gettext as _

from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..auth.passwords import (
    hash_password,
    password_problem,
    require_local_passwords,
    verify_password,
)
from ..auth.tokens import end_tokens
from ..errors import InvalidInput
from ..extensions import db
from ..security.sessions import EndReason, end_sessions


def change_password(user: User, current: str, new: str, repeat: str) -> None:
    """Set a new password and end the user's other sessions and API tokens; this one stays
    signed in.
    InvalidInput names the field: current, new or repeat."""
    require_local_passwords()
    if not verify_password(user.password_hash, current):
        raise InvalidInput({"current": _("Dit is niet je huidige wachtwoord.")})
    errors = {}
    problem = password_problem(new, context=(user.email, user.name))
    if problem:
        errors["new"] = problem
    elif new == current:
        errors["new"] = _("Kies een ander wachtwoord dan je huidige.")
    elif repeat != new:
        errors["repeat"] = _("De twee nieuwe wachtwoorden zijn niet gelijk.")
    if errors:
        raise InvalidInput(errors)
    user.password_hash = hash_password(new)
    end_sessions(user, EndReason.PASSWORD_CHANGED, keep_current=True)
    end_tokens(user, EndReason.PASSWORD_CHANGED)
    record(Action.PASSWORD_CHANGED, target=user, detail="door de gebruiker zelf")
    db.session.commit()


def end_other_sessions(user: User) -> None:
    end_sessions(user, EndReason.ENDED_BY_USER, keep_current=True)
    db.session.commit()
