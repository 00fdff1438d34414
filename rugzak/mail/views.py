"""/e-mail/afmelden/<token>: unsubscribe without signing in. GET shows what stops, with a
button; POST stops it. The RFC 8058 one-click POST a mail client sends
(`List-Unsubscribe=One-Click`) carries no CSRF token: for that POST alone the signed token is
the protection; every other POST needs the form's CSRF token."""
from __future__ import annotations

from flask import Blueprint, render_template, request

from ..auth.models import User
from ..extensions import csrf, db
from .kinds import KINDS
from .services import unsubscribe as stop_kinds
from .unsubscribe import read_token

bp = Blueprint("mail", __name__)
PRIVATE = {"Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}
ONE_CLICK = "One-Click"


@bp.route("/e-mail/afmelden/<token>", methods=["GET", "POST"])
@csrf.exempt
def unsubscribe(token: str):
    found = read_token(token)
    user = db.session.get(User, found[0]) if found else None
    if user is None:
        return render_template("mail/unsubscribe_unusable.html"), 404, PRIVATE
    labels = [KINDS[kind] for kind in found[1]]
    if request.method == "GET":
        return render_template("mail/unsubscribe.html", labels=labels), 200, PRIVATE
    if request.form.get("List-Unsubscribe") != ONE_CLICK:
        csrf.protect()
    stop_kinds(user, found[1])
    return render_template("mail/unsubscribed.html", labels=labels), 200, PRIVATE
