"""/beheer/import: a beheerder uploads a spreadsheet, reads the check, then confirms.

The checked file waits in the instance folder under a random name that only this session
knows; confirming checks it again and writes every row or none.
"""
from __future__ import annotations

import secrets
from pathlib import Path

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from ..errors import InvalidInput
from ..forms import keep_input
from .forms import ConfirmForm, UploadForm
from .policies import ensure_may_import, may_import
from .services import save_sheet
from .spreadsheet import read_sheet

bp = Blueprint("transfer", __name__, url_prefix="/beheer/import")
PENDING = "rugzak.import"


@bp.app_template_global()
def import_link() -> str | None:
    return url_for("transfer.index") if may_import(current_user) else None


@bp.before_request
def _only_the_beheerder():
    ensure_may_import(current_user)


@bp.get("")
def index():
    return render_template("transfer/import.html", form=UploadForm(), sheet=None)


@bp.post("")
def upload():
    form = UploadForm()
    if not form.validate_on_submit():
        return render_template("transfer/import.html", form=form, sheet=None), 422
    upload = form.file.data
    content = upload.read()
    try:
        sheet = read_sheet(upload.filename, content, current_user)
    except InvalidInput as refusal:
        keep_input(form, refusal)
        return render_template("transfer/import.html", form=form, sheet=None), 422
    if sheet.problems:
        return render_template("transfer/import.html", form=form, sheet=sheet,
                               filename=upload.filename), 422
    token = _keep(content, upload.filename)
    return render_template("transfer/import.html", form=UploadForm(formdata=None), sheet=sheet,
                           filename=upload.filename, confirm=ConfirmForm(token=token))


@bp.post("/bevestigen")
def confirm():
    form = ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    pending = session.get(PENDING) or {}
    if not pending or not secrets.compare_digest(pending.get("token", ""), form.token.data or ""):
        flash(_("Er staat geen gecontroleerd bestand klaar. Kies het bestand opnieuw."),
              "warning")
        return redirect(url_for(".index"))
    path = _pending_path(pending["token"], pending["name"])
    try:
        sheet = read_sheet(pending["name"], path.read_bytes(), current_user)
    except (OSError, InvalidInput):
        _forget(pending)
        flash(_("Het gecontroleerde bestand is niet meer beschikbaar. Kies het opnieuw."),
              "warning")
        return redirect(url_for(".index"))
    if sheet.problems:  # something changed since the check (e.g. an account was removed)
        _forget(pending)
        return render_template("transfer/import.html", form=UploadForm(formdata=None),
                               sheet=sheet, filename=pending["name"]), 422
    count = save_sheet(current_user, sheet, pending["name"])
    _forget(pending)
    flash(_("%(count)s ervaringen geïmporteerd.", count=count), "success")
    return redirect(url_for("experiences.index"))


def _keep(content: bytes, filename: str) -> str:
    _forget(session.get(PENDING))
    token = secrets.token_urlsafe(16)
    path = _pending_path(token, filename)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    session[PENDING] = {"token": token, "name": Path(filename).name}
    return token


def _forget(pending: dict | None) -> None:
    if pending:
        _pending_path(pending["token"], pending["name"]).unlink(missing_ok=True)
    session.pop(PENDING, None)


def _pending_path(token: str, filename: str) -> Path:
    suffix = Path(filename).suffix.lower()
    return Path(current_app.instance_path) / "imports" / f"{token}{suffix}"
