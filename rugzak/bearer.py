"""API tokens come as `Authorization: Bearer <token>`; a request that carries one is the
token's, whatever session cookie comes along."""
from __future__ import annotations

from flask import request
from flask_login import LoginManager


def bearer_token(req=None) -> str | None:
    header = (req or request).headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


class TokenFirstLoginManager(LoginManager):
    """Flask-Login reads the session before the request loader, and under "strong" session
    protection a session cookie without a signed-in user (a client that signed out of the
    browser) ends the loading before the token is looked at: such a call got 401. With a bearer
    token only the token counts (a wrong one is 401 even beside a live session)."""

    def _load_user(self):
        if bearer_token():
            return self._update_request_context_with_user(self._load_user_from_request(request))
        return super()._load_user()
