"""Accounts: creating, finding, signing in, deactivating."""
from __future__ import annotations

from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from ..audit.models import Action, Outcome
from ..audit.services import record
from ..extensions import db
from ..security.sessions import EndReason, end_sessions
from ..taxonomy.models import Department, Partner
from .models import User
from .passwords import hash_password, password_problem, verify_password
from .roles import Role


class AccountError(Exception):
    """A Dutch explanation of why an account change cannot be made, and the field it is about."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def authenticate(email: str, password: str) -> User | None:
    """The active user with these credentials, or None; unknown and wrong look the same."""
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


def create_user(email: str, name: str, role: str, password: str | None = None,
                department: str | None = None, partner: str | None = None) -> User:
    email = _checked_email(email)
    if find_user(email):
        raise AccountError(_("Er is al een account met e-mailadres %(email)s.", email=email),
                           "email")
    if not name.strip():
        raise AccountError(_("Vul een naam in."), "name")
    _check_role(role)
    user = User(email=email, name=name.strip(), role=role)
    _place(user, department, partner)
    if password is not None:
        problem = password_problem(password, context=(email, name))
        if problem:
            raise AccountError(problem, "password")
        user.password_hash = hash_password(password)
    db.session.add(user)
    record(Action.USER_CREATED, target=user, detail=f"rol: {user.role}")
    db.session.commit()
    return user


def change_user(user: User, role: str, department: str | None, partner: str | None) -> None:
    """A new role, department or partner organisation."""
    _check_role(role)
    before = _placement(user)
    user.role = role
    _place(user, department, partner)
    after = _placement(user)
    if after != before:
        record(Action.USER_CHANGED, target=user, detail=f"{before} → {after}")
    db.session.commit()


def deactivate_user(user: User) -> None:
    """Deactivate and end every open session of the user."""
    user.active = False
    end_sessions(user, EndReason.DEACTIVATED)
    record(Action.USER_DEACTIVATED, target=user)
    db.session.commit()


def reactivate_user(user: User) -> None:
    if not user.active:
        user.active = True
        record(Action.USER_REACTIVATED, target=user)
        db.session.commit()


def _check_role(role: str) -> None:
    if role not in set(Role):
        raise AccountError(_("Onbekende rol „%(role)s”; kies uit %(roles)s.", role=role,
                              roles=", ".join(Role)), "role")


def _placement(user: User) -> str:
    organisation = user.organisation
    return f"rol {user.role}, {organisation.slug if organisation else 'geen organisatie'}"


def _checked_email(email: str) -> str:
    try:
        return validate_email(normalise_email(email), check_deliverability=False).normalized
    except EmailNotValidError:
        raise AccountError(_("„%(email)s” is geen geldig e-mailadres.", email=email),
                           "email") from None


def _place(user: User, department: str | None, partner: str | None) -> None:
    """Partners belong to a partner organisation; everyone else to a department."""
    if user.role == Role.PARTNER:
        if not partner:
            raise AccountError(_("Een partner hoort bij een partnerorganisatie."), "partner")
        if department:
            raise AccountError(_("Een partner hoort niet bij een afdeling van de gemeente."),
                               "department")
        user.partner = _by_slug(Partner, partner, _l("Onbekende partnerorganisatie „%(slug)s”."),
                                "partner")
        user.department = None
    else:
        if partner:
            raise AccountError(_("Alleen partners horen bij een partnerorganisatie."), "partner")
        if not department and user.role != Role.BEHEERDER:
            raise AccountError(_("Een medewerker of kernteamlid hoort bij een afdeling."),
                               "department")
        user.department = (_by_slug(Department, department,
                                     _l("Onbekende afdeling „%(slug)s”."), "department")
                           if department else None)
        user.partner = None


def _by_slug(model, slug: str, unknown: str, field: str):
    """The row with this slug; `unknown` is the message, with %(slug)s, when there is none."""
    row = db.session.scalar(select(model).filter_by(slug=slug))
    if row is None:
        raise AccountError(str(unknown) % {"slug": slug}, field)
    return row
