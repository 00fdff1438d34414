"""Switching two-step verification on and off, recovery codes, and checking a code.

A code from the app is accepted once: the time step it belongs to is claimed with one
conditional UPDATE, so two workers cannot both accept it. A recovery code is claimed the same way.
"""
from __future__ import annotations

import hmac
import secrets
from datetime import datetime

import pyotp
import segno
from cryptography.fernet import InvalidToken
from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy import delete, or_, select, update

from ..audit.models import Action, Outcome
from ..audit.services import record
from ..auth.models import User
from ..auth.passwords import hash_password, verify_password
from ..errors import InvalidInput
from ..extensions import db
from ..timeutil import utcnow
from .models import RecoveryCode, TwoStepSecret
from .policies import has_two_step, secret_of
from .sealing import seal, unseal

ISSUER = "Rugzak"
RECOVERY_CODES = 10
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to mix up
RECOVERY_HALF = 5
TOTP_DIGITS = 6


# -- setting up -----------------------------------------------------------------------------
def pending_secret(user: User) -> str:
    """The secret of a setup in progress, made on first asking; the same until confirmed."""
    row = secret_of(user)
    secret = _readable_secret(row)
    if secret is None:
        secret = pyotp.random_base32()
        if row is None:
            row = TwoStepSecret(user_id=user.id)
            db.session.add(row)
        row.sealed_secret = seal(secret)
        db.session.commit()
    return secret


def _readable_secret(row: TwoStepSecret | None) -> str | None:
    """None when there is none, or it was sealed under another SECRET_KEY."""
    try:
        return unseal(row.sealed_secret) if row is not None else None
    except InvalidToken:
        return None


def provisioning_qr(user: User, secret: str) -> Markup:
    """The otpauth:// address as an inline SVG QR code: made here, nothing fetched elsewhere."""
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)
    svg = segno.make(uri, error="m").svg_inline(
        scale=4, border=4, light="#fff", svgclass="qr-code",
        title=_("QR-code om Rugzak aan je authenticator-app toe te voegen"))
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))


def confirm_setup(user: User, code: str) -> list[str]:
    """Switch two-step verification on with a first code from the app; the recovery codes,
    to be shown once. InvalidInput {"code"} when the code does not fit."""
    row = secret_of(user)
    if row is None or row.confirmed_at is not None or not _claim_step(row, code):
        raise InvalidInput({"code": _("Deze code klopt niet. Typ de code die je app nu "
                                      "laat zien.")})
    row.confirmed_at = utcnow()
    codes = _new_recovery_codes(user)
    record(Action.TWO_STEP_ENABLED, target=user)
    db.session.commit()
    return codes


def switch_off(user: User, password: str, code: str) -> None:
    """With the password and a code (or a recovery code): secret and recovery codes removed."""
    _check_password_and_code(user, password, code)
    _remove(user, user, "door de gebruiker zelf")


def reset_two_step(actor: User | None, user: User) -> None:
    """The operator on the server's command line (actor None) switches it off for `user`."""
    _remove(actor, user, "op de server gereset")


def _remove(actor: User | None, user: User, detail: str) -> None:
    db.session.execute(delete(TwoStepSecret).where(TwoStepSecret.user_id == user.id))
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    record(Action.TWO_STEP_DISABLED, actor=actor, target=user, detail=detail)
    db.session.commit()


def renew_recovery_codes(user: User, password: str, code: str) -> list[str]:
    """New recovery codes (the old ones stop working), to be shown once."""
    _check_password_and_code(user, password, code)
    codes = _new_recovery_codes(user)
    record(Action.RECOVERY_CODES_RENEWED, target=user)
    db.session.commit()
    return codes


def _check_password_and_code(user: User, password: str, code: str) -> None:
    if not has_two_step(user):
        raise InvalidInput({"code": _("Tweestapsverificatie staat niet aan.")})
    if not verify_password(user.password_hash, password):
        raise InvalidInput({"password": _("Dit is niet je huidige wachtwoord.")})
    if not accept_code(user, code):
        raise InvalidInput({"code": _("Deze code klopt niet.")})


def _new_recovery_codes(user: User) -> list[str]:
    """Replace the user's recovery codes; only their argon2 hashes are kept. Caller commits."""
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = [_random_recovery_code() for _ in range(RECOVERY_CODES)]
    db.session.add_all(RecoveryCode(user_id=user.id, code_hash=hash_password(_plain(code)))
                       for code in codes)
    return codes


def _random_recovery_code() -> str:
    letters = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(2 * RECOVERY_HALF))
    return f"{letters[:RECOVERY_HALF]}-{letters[RECOVERY_HALF:]}"


# -- checking a code ------------------------------------------------------------------------
def accept_code(user: User, code: str) -> bool:
    """A fresh code from the app or an unused recovery code; either is then used up.
    The caller commits (and records the outcome)."""
    row = secret_of(user)
    if row is None or row.confirmed_at is None:
        return False
    plain = _plain(code)
    if plain.isdigit():
        return _claim_step(row, plain)
    return _claim_recovery_code(user, plain)


def _plain(code: str) -> str:
    """What was typed without spaces and hyphens, lower case."""
    return "".join(char for char in code.lower() if char.isalnum())


def _claim_step(row: TwoStepSecret, code: str, now: datetime | None = None) -> bool:
    """Does `code` belong to the previous, current or next time step, and is that step later
    than the last one accepted? Then it is the last one accepted."""
    code = _plain(code)
    if len(code) != TOTP_DIGITS:
        return False
    secret = _readable_secret(row)
    if secret is None:  # SECRET_KEY changed: only a recovery code still works
        return False
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now or utcnow())
    step = next((step for step in (current - 1, current, current + 1)
                 if hmac.compare_digest(totp.generate_otp(step), code)), None)
    if step is None:
        return False
    claimed = db.session.execute(
        update(TwoStepSecret)
        .where(TwoStepSecret.id == row.id,
               or_(TwoStepSecret.last_step.is_(None), TwoStepSecret.last_step < step))
        .values(last_step=step).execution_options(synchronize_session="fetch"))
    return claimed.rowcount == 1


def _claim_recovery_code(user: User, plain: str) -> bool:
    unused = db.session.scalars(select(RecoveryCode).where(
        RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None)))
    match = next((row for row in unused if verify_password(row.code_hash, plain)), None)
    if match is None:
        return False
    claimed = db.session.execute(
        update(RecoveryCode).where(RecoveryCode.id == match.id, RecoveryCode.used_at.is_(None))
        .values(used_at=utcnow()).execution_options(synchronize_session="fetch"))
    return claimed.rowcount == 1


def recovery_codes_left(user: User) -> int:
    return len(db.session.scalars(select(RecoveryCode.id).where(
        RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))).all())


def record_second_step(user: User, accepted: bool, throttled: bool = False) -> None:
    """Audit the second step of signing in; the caller commits."""
    if accepted:
        record(Action.SIGN_IN, actor=user, target=user, detail="tweede stap: code juist")
        return
    detail = "te veel mislukte pogingen" if throttled else "onjuiste code"
    record(Action.SIGN_IN_FAILED, actor=None, target=user, outcome=Outcome.DENIED,
           detail=f"tweede stap: {detail}")
