"""argon2id password hashing with parameters from the configuration."""
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from flask_babel import gettext as _

MIN_LENGTH = 12
MAX_LENGTH = 128
# Verifying against this keeps the answer time the same for unknown accounts.
_DUMMY_PASSWORD = "rugzak-dummy-password"


def _hasher() -> PasswordHasher:
    config = current_app.config
    key = (config["ARGON2_TIME_COST"], config["ARGON2_MEMORY_COST"], config["ARGON2_PARALLELISM"])
    cache = current_app.extensions.setdefault("rugzak.argon2", {})
    if key not in cache:
        cache[key] = PasswordHasher(time_cost=key[0], memory_cost=key[1], parallelism=key[2])
    return cache[key]


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher().verify(password_hash or _dummy_hash(), password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def _dummy_hash() -> str:
    cache = current_app.extensions.setdefault("rugzak.argon2", {})
    if "dummy" not in cache:
        cache["dummy"] = hash_password(_DUMMY_PASSWORD)
    return cache["dummy"]


def password_problem(password: str) -> str | None:
    """A Dutch explanation of what is wrong with a new password, or None."""
    if len(password) < MIN_LENGTH:
        return _("Kies een wachtwoord van minstens %(count)d tekens.", count=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        return _("Een wachtwoord mag hoogstens %(count)d tekens hebben.", count=MAX_LENGTH)
    return None
