"""Signing in with an organisation account: the verified ID token's claims become a Rugzak
account, found by (issuer, subject) and created at the first sign-in."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, or_, select

from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..auth.roles import Role
from ..auth.services import find_user, normalise_email
from ..extensions import db
from ..taxonomy.models import Department, Partner
from ..timeutil import utcnow
from .models import OidcIdentity
from .settings import role_map

# When groups map to several roles, the strongest wins
ROLE_STRENGTH = (Role.PARTNER, Role.MEDEWERKER, Role.KERNTEAM, Role.BEHEERDER)


class UnknownIssuer(Exception):
    """The provider's discovery document names another issuer than the one configured."""


class SignInRefused(Exception):
    """`message` is for the person (Dutch, translated); `reason` and `user` for the audit log."""

    def __init__(self, message: str, reason: str, user: User | None = None):
        super().__init__(reason)
        self.message = message
        self.reason = reason
        self.user = user


@dataclass(frozen=True)
class Profile:
    subject: str
    email: str
    email_verified: bool
    name: str
    role: Role | None  # None: no group maps to a role
    department: Department | None
    partner: Partner | None


def profile_from(claims: Mapping) -> Profile:
    """What the claims say about the person, with the installation's claim mapping."""
    config = current_app.config
    email = _email(claims.get(config["OIDC_EMAIL_CLAIM"]))
    name = str(claims.get(config["OIDC_NAME_CLAIM"]) or "").strip()[:200] or email
    partner = _named(Partner, _values(claims, config["OIDC_PARTNER_CLAIM"]))
    return Profile(
        subject=str(claims["sub"]), email=email,
        email_verified=claims.get("email_verified") is True, name=name,
        role=Role.PARTNER if partner else _mapped_role(claims),
        department=None if partner else _named(
            Department, _values(claims, config["OIDC_DEPARTMENT_CLAIM"])),
        partner=partner)


def _email(value) -> str:
    try:
        return validate_email(normalise_email(str(value or "")),
                              check_deliverability=False).normalized
    except EmailNotValidError:
        raise SignInRefused(_("Je organisatieaccount gaf geen geldig e-mailadres door. Vraag "
                              "de beheerder van je organisatieaccount om dit op te lossen."),
                            "geen geldig e-mailadres in de claims") from None


def _values(claims: Mapping, claim: str | None) -> list[str]:
    """A claim as a list of strings: groups come as a list, a department as one string."""
    value = claims.get(claim) if claim else None
    if value is None:
        return []
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]


def _mapped_role(claims: Mapping) -> Role | None:
    mapping = role_map(current_app.config)
    roles = {mapping[group] for group in _values(claims, current_app.config["OIDC_ROLE_CLAIM"])
             if group in mapping}
    return max(roles, key=ROLE_STRENGTH.index) if roles else None


def _named(model, values: list[str]):
    """The first active department or partner whose slug or name a claim value is."""
    for value in (value.strip().lower() for value in values):
        row = db.session.scalar(select(model).where(
            model.active, or_(model.slug == value, func.lower(model.name) == value)))
        if row is not None:
            return row
    return None


def sign_in_with(issuer: str, claims: Mapping) -> User:
    """The active account of this organisation account, created or brought up to date; the
    caller rolls back and audits a SignInRefused."""
    profile = profile_from(claims)
    identity = db.session.scalar(select(OidcIdentity).filter_by(
        issuer=issuer, subject=profile.subject))
    user = identity.user if identity else _first_sign_in(issuer, profile)
    if not user.active:
        raise SignInRefused(_("Je Rugzak-account is gedeactiveerd. Neem contact op met een "
                              "beheerder van Rugzak als je weer toegang nodig hebt."),
                            "account niet actief", user)
    _bring_up_to_date(user, profile)
    if identity:
        identity.last_sign_in_at = utcnow()
    record(Action.SIGN_IN, actor=user, target=user, detail="via organisatieaccount")
    db.session.commit()
    return user


def _first_sign_in(issuer: str, profile: Profile) -> User:
    """A new account, or, when the installation allows it and the provider vouches for the
    address, the local account with that address (once; from then on by issuer and subject)."""
    user = find_user(profile.email)
    if user is None:
        user = User(email=profile.email, name=profile.name,
                    role=profile.role or current_app.config["OIDC_DEFAULT_ROLE"])
        db.session.add(user)
        record(Action.USER_CREATED, target=user, actor=None,
               detail=f"rol: {user.role}, via organisatieaccount")
    elif not _may_link(user, profile):
        raise SignInRefused(_email_taken_message(), "e-mailadres hoort al bij een ander account",
                            user)
    else:
        record(Action.USER_CHANGED, target=user, actor=None,
               detail="gekoppeld aan organisatieaccount (e-mailadres bevestigd)")
    db.session.add(OidcIdentity(user=user, issuer=issuer, subject=profile.subject))
    return user


def _may_link(user: User, profile: Profile) -> bool:
    already_linked = db.session.scalar(select(OidcIdentity.id).filter_by(user_id=user.id))
    return (current_app.config["OIDC_LINK_VERIFIED_EMAIL"] and profile.email_verified
            and already_linked is None)


def _bring_up_to_date(user: User, profile: Profile) -> None:
    """Name and e-mail always; role and place only when the claims map to them."""
    if profile.email != user.email:
        other = find_user(profile.email)
        if other is not None and other.id != user.id:
            raise SignInRefused(_email_taken_message(),
                                "nieuw e-mailadres hoort al bij een ander account", user)
        user.email = profile.email
    user.name = profile.name
    if profile.role is not None:
        user.role = profile.role
    if profile.partner is not None:
        user.partner, user.department = profile.partner, None
    elif profile.department is not None:
        user.department, user.partner = profile.department, None


def _email_taken_message() -> str:
    return _("Het e-mailadres van je organisatieaccount hoort al bij een ander Rugzak-account. "
             "Vraag een beheerder van Rugzak om dit op te lossen.")

