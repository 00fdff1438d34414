"""argon2id password hashing with parameters from the configuration, and the password policy:
12 to 128 characters, no composition rules, not common and not easy to guess."""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from flask_babel import gettext as _

from ..errors import Forbidden

MIN_LENGTH = 12
MAX_LENGTH = 128
PERSONAL_REST_MIN = 8  # characters left once the user's own names are taken out
ZXCVBN_MAX = 72  # zxcvbn's own limit; the first 72 characters tell enough
# Verifying against this keeps the answer time the same for unknown accounts.
_DUMMY_PASSWORD = "rugzak-dummy-password"


def _hasher() -> PasswordHasher:
    config = current_app.config
    key = (config["ARGON2_TIME_COST"], config["ARGON2_MEMORY_COST"], config["ARGON2_PARALLELISM"])
    cache = current_app.extensions.setdefault("rugzak.argon2", {})
    if key not in cache:
        cache[key] = PasswordHasher(time_cost=key[0], memory_cost=key[1], parallelism=key[2])
    return cache[key]


def require_local_passwords() -> None:
    """Rugzak's own passwords can be switched off (LOCAL_PASSWORDS=false): then every page and
    use case that signs in with, sets or changes one refuses."""
    if not current_app.config["LOCAL_PASSWORDS"]:
        raise Forbidden(_("Inloggen met een Rugzak-wachtwoord staat uit: log in met je "
                          "organisatieaccount."))


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


def password_problem(password: str, context: Iterable[str] = ()) -> str | None:
    """A Dutch explanation of what is wrong with a new password, or None.

    `context` holds words an attacker would try first for this account (name, e-mail).
    """
    if len(password) < MIN_LENGTH:
        return _("Kies een wachtwoord van minstens %(count)d tekens.", count=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        return _("Een wachtwoord mag hoogstens %(count)d tekens hebben.", count=MAX_LENGTH)
    if password.lower() in common_passwords():
        return _("Dit wachtwoord staat op een lijst van veelgebruikte wachtwoorden. "
                 "Kies een ander, bijvoorbeeld een zin van een paar woorden.")
    if _guessable(password, context):
        return _("Dit wachtwoord is te makkelijk te raden (een bekend woord met cijfers, een "
                 "herhaling, een toetsenbordpatroon of je eigen naam). Kies bijvoorbeeld een zin "
                 "van een paar woorden.")
    return None


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The 30,000 most common passwords shipped with zxcvbn, loaded on first use."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


def _guessable(password: str, context: Iterable[str]) -> bool:
    """zxcvbn's estimate below "safely unguessable" (score 3: about 10^8 guesses), or little
    more than the user's own name or address."""
    from zxcvbn import zxcvbn

    words = ["rugzak", "gemeente", *(word for item in context for word in _words(item))]
    if zxcvbn(password[:ZXCVBN_MAX], user_inputs=words)["score"] < 3:
        return True
    letters = "".join(char for char in password.lower() if char.isalnum())
    rest = letters
    for word in words:
        rest = rest.replace(word, "")
    return rest != letters and len(rest) < PERSONAL_REST_MIN


def _words(text: str) -> list[str]:
    """An e-mail address or name as the words in it."""
    cleaned = "".join(char if char.isalnum() else " " for char in text.lower())
    return [word for word in cleaned.split() if len(word) >= 3]
