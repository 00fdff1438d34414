"""/account: who you are here, your password, your sessions, your data."""
from __future__ import annotations

import json

from flask import (
    Blueprint,
    Response,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from ..audit.models import Action
from ..audit.services import record
from ..auth.passwords import require_local_passwords
from ..auth.tokens import revoke_token, token_or_404, tokens_of
from ..errors import InvalidInput
from ..extensions import db
from ..forms import keep_input
from ..mail.kinds import FREQUENCY_LABELS, KINDS
from ..mail.services import preferences_of, set_preferences
from ..personal_data import jsonable, personal_data
from ..security.sessions import current_session, open_sessions
from ..security.throttle import count_failed_sign_in, sign_in_retry_after
from ..timeutil import utcnow
from ..twostep.policies import has_two_step
from .forms import ConfirmForm, PasswordChangeForm
from .services import change_password, end_other_sessions

bp = Blueprint("account", __name__, url_prefix="/account")


@bp.get("")
def index():
    return _account_page(preferences_of(current_user))


def _account_page(mail_choices: dict[str, str], mail_errors: dict | None = None):
    return render_template("account/index.html", sessions=open_sessions(current_user),
                           this_session=current_session(), form=ConfirmForm(),
                           tokens=tokens_of(current_user), now=utcnow(),
                           two_step=has_two_step(current_user),
                           mail_choices=mail_choices, mail_errors=mail_errors or {},
                           mail_kinds=KINDS, frequencies=FREQUENCY_LABELS)


@bp.post("/e-mail")
def mail_preferences():
    """How often each kind of mail comes: immediately, in a daily or weekly digest, or not."""
    choices = {kind: request.form.get(kind, "") for kind in KINDS}
    try:
        set_preferences(current_user._get_current_object(), choices)
    except InvalidInput as refused:
        db.session.rollback()
        return _account_page(choices, refused.errors), 422
    flash(_("Je keuzes voor e-mail zijn bewaard."), "success")
    return redirect(url_for(".index", _anchor="e-mail"))


@bp.post("/tokens/<int:token_id>/intrekken")
def token_revoke(token_id: int):
    user = current_user._get_current_object()
    revoke_token(user, token_or_404(token_id, user, user))
    flash(_("De API-token is ingetrokken."), "success")
    return redirect(url_for(".index"))


@bp.route("/wachtwoord", methods=["GET", "POST"])
def password():
    require_local_passwords()
    form = PasswordChangeForm()
    if not form.is_submitted():  # CSRFProtect checks every POST before it gets here
        return render_template("account/password.html", form=form)
    user = current_user._get_current_object()
    retry_after = sign_in_retry_after(user.email, request.remote_addr)
    if retry_after:  # guessing the current password counts as guessing at sign-in
        form.current.errors = [_("Te veel mislukte pogingen. Probeer het later opnieuw.")]
        return render_template("account/password.html", form=form), 429, {
            "Retry-After": str(retry_after)}
    try:
        change_password(user, form.current.data or "", form.new.data or "",
                        form.repeat.data or "")
    except InvalidInput as refused:
        keep_input(form, refused)
        if "current" in refused.errors:
            count_failed_sign_in(user.email, request.remote_addr)
        return render_template("account/password.html", form=form), 422
    flash(_("Je wachtwoord is gewijzigd. Je andere sessies zijn beëindigd."), "success")
    return redirect(url_for(".index"))


@bp.post("/sessies/beeindigen")
def end_sessions():
    end_other_sessions(current_user._get_current_object())
    flash(_("Je andere sessies zijn beëindigd."), "success")
    return redirect(url_for(".index"))


@bp.get("/gegevens")
def personal_data_download():
    """Everything stored about you, as a JSON download (AVG right of access)."""
    user = current_user._get_current_object()
    body = json.dumps(personal_data(user), default=jsonable, ensure_ascii=False, indent=2)
    record(Action.PERSONAL_DATA_DOWNLOADED, target=user)
    db.session.commit()
    filename = f"rugzak-mijn-gegevens-{utcnow():%Y-%m-%d}.json"
    return Response(body, mimetype="application/json",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
