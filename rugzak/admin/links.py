"""The one-time link to set a password, as the beheerder hands it on."""
from __future__ import annotations

from ..urls import external_url


def password_link_url(token: str) -> str:
    """The token goes in the fragment: browsers never send it, so no access log holds it."""
    return external_url("password.set_password", _anchor=token)
