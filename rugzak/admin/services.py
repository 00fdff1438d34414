"""User administration: one function per use case. Each checks who acts (None is the operator
on the server's command line), refuses with the shared errors and commits once."""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update

from ..audit.models import Action, Outcome
from ..audit.services import record
from ..auth.models import User
from ..auth.passwords import hash_password, password_problem, require_local_passwords
from ..auth.policies import require
from ..auth.roles import Role
from ..auth.services import find_user, normalise_email
from ..auth.tokens import end_tokens
from ..errors import InvalidInput
from ..extensions import db
from ..feeds.services import end_feed_token
from ..mail.compose import in_language_of, render_mail
from ..mail.kinds import PASSWORD_LINK
from ..mail.outbox import enqueue
from ..mail.smtp import mail_configured
from ..security.sessions import EndReason, end_sessions
from ..security.throttle import count_password_reset
from ..taxonomy.models import Department, Partner
from ..timeutil import utcnow
from .links import password_link_url
from .models import VALID_FOR, PasswordLink
from .policies import is_self, may_administer_users


@dataclass(frozen=True)
class NewLink:
    """A one-time link just made: the token exists only here, never stored or logged."""

    user: User
    token: str
    expires_at: datetime


def create_user(actor: User | None, email: str, name: str, role: str,
                password: str | None = None, department: str | None = None,
                partner: str | None = None) -> User:
    """Without a password the user sets one through a link (issue_password_link)."""
    require(may_administer_users(actor))
    email = _checked_email(email)
    if find_user(email):
        raise InvalidInput({"email": _("Er is al een account met e-mailadres %(email)s.",
                                       email=email)})
    if not name.strip():
        raise InvalidInput({"name": _("Vul een naam in.")})
    _check_role(role)
    user = User(email=email, name=name.strip(), role=role)
    _place(user, department, partner)
    if password is not None:
        problem = password_problem(password, context=(email, name))
        if problem:
            raise InvalidInput({"password": problem})
        user.password_hash = hash_password(password)
    db.session.add(user)
    record(Action.USER_CREATED, target=user, actor=actor, detail=f"rol: {user.role}")
    db.session.commit()
    return user


def change_user(actor: User | None, user: User, role: str, department: str | None,
                partner: str | None) -> None:
    """A new role, department or partner organisation; nobody changes their own role."""
    require(may_administer_users(actor))
    if is_self(actor, user) and role != user.role:
        raise InvalidInput({"role": _("Je kunt je eigen rol niet wijzigen; vraag een andere "
                                      "beheerder.")})
    _check_role(role)
    before = _placement(user)
    user.role = role
    _place(user, department, partner)
    after = _placement(user)
    if after != before:
        record(Action.USER_CHANGED, target=user, actor=actor, detail=f"{before} → {after}")
    db.session.commit()


def deactivate_user(actor: User | None, user: User) -> None:
    """Deactivate and end every open session, API token and feed token of the user; nobody
    deactivates themselves."""
    require(may_administer_users(actor))
    if is_self(actor, user):
        raise InvalidInput({"user": _("Je kunt jezelf niet deactiveren.")})
    if user.active:
        user.active = False
        end_sessions(user, EndReason.DEACTIVATED)
        end_tokens(user, EndReason.DEACTIVATED)
        end_feed_token(user)
        record(Action.USER_DEACTIVATED, target=user, actor=actor)
        db.session.commit()


def reactivate_user(actor: User | None, user: User) -> None:
    require(may_administer_users(actor))
    if not user.active:
        user.active = True
        record(Action.USER_REACTIVATED, target=user, actor=actor)
        db.session.commit()


def issue_password_link(actor: User | None, user: User) -> NewLink:
    """A new one-time link, ending any older unused one; only for an active account."""
    require(may_administer_users(actor))
    require_local_passwords()
    if not user.active:
        raise InvalidInput({"user": _("Heractiveer het account eerst.")})
    link = _new_link(user)
    record(Action.PASSWORD_LINK_CREATED, target=user, actor=actor)
    db.session.commit()
    return link


def mail_password_link(actor: User | None, user: User) -> None:
    """Mail a new account its one-time link (mail must be configured); the link and its mail
    are written in one transaction, so neither exists without the other."""
    require(may_administer_users(actor))
    if not user.active:
        raise InvalidInput({"user": _("Heractiveer het account eerst.")})
    _mail_link(_new_link(user), reset=False)
    record(Action.PASSWORD_LINK_MAILED, target=user, actor=actor)
    db.session.commit()


def hand_out_password_link(actor: User | None, user: User) -> NewLink | None:
    """A new one-time link: mailed to the user when mail is configured (None: nobody else
    sees it), else returned to be shown once to the beheerder."""
    if mail_configured():
        mail_password_link(actor, user)
        return None
    return issue_password_link(actor, user)


def request_password_reset(email: str, address: str | None) -> None:
    """"Wachtwoord vergeten": mail a one-time link when `email` belongs to an active account.
    The caller answers the same either way and checks the throttle first; every request is
    counted and audited."""
    user = find_user(email)
    known = user is not None and user.active
    if known:
        _mail_link(_new_link(user), reset=True)
    count_password_reset(email, address)
    record(Action.PASSWORD_RESET_REQUESTED, target=user if known else None, actor=None,
           outcome=Outcome.SUCCESS if known else Outcome.DENIED,
           detail="" if known else "geen actief account met dit adres")
    db.session.commit()


def _new_link(user: User) -> NewLink:
    """Replace any unused link of `user` by a new one; the caller commits."""
    now = utcnow()
    db.session.execute(update(PasswordLink).where(
        PasswordLink.user_id == user.id, PasswordLink.used_at.is_(None),
        PasswordLink.expires_at > now).values(expires_at=now))
    token = secrets.token_urlsafe(32)
    db.session.add(PasswordLink(user_id=user.id, digest=PasswordLink.digest_of(token),
                                expires_at=now + VALID_FOR))
    return NewLink(user, token, now + VALID_FOR)


def _mail_link(link: NewLink, reset: bool) -> None:
    """Password mails are not optional and have no unsubscribe link."""
    with in_language_of(link.user):
        subject = (_("Kies een nieuw wachtwoord voor Rugzak") if reset
                   else _("Je account voor Rugzak"))
        text, html = render_mail("password_link", subject=subject, user=link.user, reset=reset,
                                 link=password_link_url(link.token), unsubscribe=None)
    enqueue(link.user, PASSWORD_LINK, subject, text, html)


def set_password_with(link: PasswordLink, password: str, confirm: str) -> User:
    """Use a usable link (admin.queries.usable_link) once: set the password and end the
    user's other sessions and API tokens. The link is the permission."""
    require_local_passwords()
    problem = password_problem(password)
    if problem:
        raise InvalidInput({"password": problem})
    if password != confirm:
        raise InvalidInput({"confirm": _("De twee wachtwoorden zijn niet gelijk.")})
    claimed = db.session.execute(update(PasswordLink).where(
        PasswordLink.id == link.id, PasswordLink.used_at.is_(None))
        .values(used_at=utcnow())).rowcount
    if claimed != 1:  # used in another request at the same moment
        raise InvalidInput({"password": _("Deze link is al gebruikt.")})
    user = link.user
    user.password_hash = hash_password(password)
    user.session_generation += 1
    end_tokens(user, EndReason.PASSWORD_CHANGED)
    record(Action.PASSWORD_CHANGED, target=user, actor=user, detail="via eenmalige link")
    db.session.commit()
    return user


def _check_role(role: str) -> None:
    if role not in set(Role):
        raise InvalidInput({"role": _("Onbekende rol „%(role)s”; kies uit %(roles)s.",
                                      role=role, roles=", ".join(Role))})


def _placement(user: User) -> str:
    organisation = user.organisation
    return f"rol {user.role}, {organisation.slug if organisation else 'geen organisatie'}"


def _checked_email(email: str) -> str:
    try:
        return validate_email(normalise_email(email), check_deliverability=False).normalized
    except EmailNotValidError:
        raise InvalidInput({"email": _("„%(email)s” is geen geldig e-mailadres.",
                                       email=email)}) from None


def _place(user: User, department: str | None, partner: str | None) -> None:
    """Partners belong to a partner organisation; everyone else to a department."""
    if user.role == Role.PARTNER:
        if not partner:
            raise InvalidInput({"partner": _("Een partner hoort bij een partnerorganisatie.")})
        if department:
            raise InvalidInput({"department": _("Een partner hoort niet bij een afdeling van "
                                                "de gemeente.")})
        user.partner = _by_slug(Partner, partner, _l("Onbekende partnerorganisatie „%(slug)s”."),
                                "partner")
        user.department = None
    else:
        if partner:
            raise InvalidInput({"partner": _("Alleen partners horen bij een "
                                             "partnerorganisatie.")})
        if not department and user.role != Role.BEHEERDER:
            raise InvalidInput({"department": _("Een medewerker of kernteamlid hoort bij een "
                                                "afdeling.")})
        user.department = (_by_slug(Department, department,
                                    _l("Onbekende afdeling „%(slug)s”."), "department")
                           if department else None)
        user.partner = None


def _by_slug(model, slug: str, unknown: str, field: str):
    """The row with this slug; `unknown` is the message, with %(slug)s, when there is none."""
    row = db.session.scalar(select(model).filter_by(slug=slug))
    if row is None:
        raise InvalidInput({field: str(unknown) % {"slug": slug}})
    return row
