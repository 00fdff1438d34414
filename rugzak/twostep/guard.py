"""When two-step verification is required (rugzak/twostep/policies.py), a person without it
sees only its setup until it is on. API tokens are not affected: the operator makes them; nor
is a sign-in with the organisation account, whose provider does its own second step."""
from __future__ import annotations

from flask import Flask, jsonify, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..bearer import bearer_token
from ..security.sessions import ORGANISATION_ACCOUNT_KEY
from .policies import has_two_step, two_step_required

ALLOWED_BEFORE_SETUP = {"twostep.setup", "twostep.confirm", "auth.logout", "static",
                        "favicon.icon", "health.healthz", "accessibility.statement"}


def register_two_step_guard(app: Flask) -> None:
    @app.before_request
    def require_two_step():
        if (request.endpoint in ALLOWED_BEFORE_SETUP or not current_user.is_authenticated
                or bearer_token() or session.get(ORGANISATION_ACCOUNT_KEY)
                or not two_step_required(current_user)
                or has_two_step(current_user)):
            return None
        if request.path.startswith("/api/"):
            return jsonify(error=_("Stel eerst tweestapsverificatie in op je accountpagina."),
                           fields={}), 403
        return redirect(url_for("twostep.setup"))
