"""One-click unsubscribe (RFC 8058): a signed token names a person and the kinds of mail it
stops. No sign-in is needed; the signature is the permission."""
from __future__ import annotations

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

from ..urls import external_url
from .kinds import KINDS

SALT = "rugzak-mail-unsubscribe"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def unsubscribe_token(user_id: int, kinds: list[str]) -> str:
    return _serializer().dumps([user_id, sorted(set(kinds))])


def unsubscribe_url(user_id: int, kinds: list[str]) -> str:
    return external_url("mail.unsubscribe", token=unsubscribe_token(user_id, kinds))


def read_token(token: str) -> tuple[int, list[str]] | None:
    """(user id, kinds) from a valid token, or None."""
    try:
        user_id, kinds = _serializer().loads(token)
    except (BadSignature, ValueError, TypeError):
        return None
    if not isinstance(user_id, int) or not kinds or not set(kinds) <= set(KINDS):
        return None
    return user_id, kinds
