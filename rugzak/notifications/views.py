"""/meldingen: my notifications, newest first; marking them read; the count in the header."""
from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import current_user

from ..errors import NotFound
from ..extensions import db
from ..numbers import database_int
from .labels import notification_text, notification_url
from .queries import notifications_of, unread_count
from .services import mark_read

bp = Blueprint("notifications", __name__, url_prefix="/meldingen")
PER_PAGE = 20


@bp.get("")
def index():
    page = db.paginate(notifications_of(current_user), per_page=PER_PAGE, error_out=False)
    return render_template("notifications/index.html", page=page, text=notification_text,
                           url=notification_url)


@bp.post("/gelezen")
def read():
    """One notification (`id`), or all of them."""
    given = request.form.get("id")
    if given is not None and database_int(given) is None:
        raise NotFound()
    mark_read(current_user, [database_int(given)] if given is not None else None)
    return redirect(url_for(".index", page=request.form.get("page") or None))


@bp.app_template_global()
def unread_notifications() -> int:
    return unread_count(current_user) if current_user.is_authenticated else 0
