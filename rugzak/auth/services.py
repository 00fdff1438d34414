"""Finding an account by e-mail address and signing in; administering accounts is
rugzak.admin.services."""
from __future__ import annotations

from sqlalchemy import func, select

from ..audit.models import Action, Outcome
from ..audit.services import record
from ..extensions import db
from .models import User
from .passwords import require_local_passwords, verify_password


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def authenticate(email: str, password: str) -> User | None:
    """The active user with these credentials, or None; unknown and wrong look the same."""
    require_local_passwords()
    user = find_user(email) if email else None
    valid = verify_password(user.password_hash if user else None, password)
    if valid and user.active:
        record(Action.SIGN_IN, actor=user, target=user)
        db.session.commit()
        return user
    record(Action.SIGN_IN_FAILED, actor=None, target=user, outcome=Outcome.DENIED,
           detail=_refusal_reason(user, valid))
    db.session.commit()
    return None


def _refusal_reason(user: User | None, valid: bool) -> str:
    if user is None:
        return "onbekend e-mailadres"
    return "account niet actief" if valid else "onjuist wachtwoord"
