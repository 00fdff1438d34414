"""/thema/tokens.css and /thema/logo, served from the instance folder, and what base.html needs
to know about them. Public: the sign-in page wears the municipality's look too."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, send_file, url_for

from .files import logo_file, tokens_file

bp = Blueprint("theme", __name__, url_prefix="/thema")


@bp.get("/tokens.css")
def tokens():
    path = tokens_file() or abort(404)
    return send_file(path, mimetype="text/css", max_age=300)


@bp.get("/logo")
def logo():
    path, media_type = logo_file() or abort(404)
    return send_file(path, mimetype=media_type, max_age=300)


@bp.app_context_processor
def theme():
    return {"theme": {
        "municipality": current_app.config.get("MUNICIPALITY"),
        "tokens": url_for("theme.tokens") if tokens_file() else None,
        "logo": url_for("theme.logo") if logo_file() else None,
    }}
