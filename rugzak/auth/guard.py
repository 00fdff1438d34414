"""Every page requires sign-in, except the few listed here: secure by default."""
from flask import Flask, jsonify, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..urls import is_open_path

PUBLIC_ENDPOINTS = {
    "auth.login", "static", "favicon.icon", "health.healthz", "accessibility.statement",
    "password.set_password", "theme.tokens", "theme.logo", "sso.start", "sso.callback",
    "twostep.sign_in_code", "password.forgotten", "mail.unsubscribe",
}
PUBLIC_BLUEPRINTS = {"feeds"}  # the feed token in the URL is the permission


def register_sign_in_guard(app: Flask) -> None:
    @app.before_request
    def require_sign_in():
        if (request.endpoint in PUBLIC_ENDPOINTS or request.blueprint in PUBLIC_BLUEPRINTS
                or is_open_path(request.path) or current_user.is_authenticated):
            return None
        if request.path.startswith("/api/"):
            return jsonify(error=_("Log in of gebruik een geldige API-token."), fields={}), 401
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
