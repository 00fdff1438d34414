"""/beheer: the overview of the curators' and administrator's tasks; /beheer/gebruikers, where
the administrator lists, creates, changes, deactivates and reactivates users and hands out
one-time links; and /wachtwoord-instellen#<token>, the public page behind such a link."""
from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from ..audit.models import Action, Outcome
from ..audit.services import record
from ..auth.passwords import require_local_passwords
from ..auth.policies import may_administer, only_if
from ..auth.tokens import revoke_token, token_or_404, tokens_of
from ..errors import InvalidInput
from ..extensions import db
from ..forms import attach_errors, keep_input
from ..mail.outbox import failed_mails
from ..mail.smtp import mail_configured
from ..security.throttle import password_reset_retry_after
from ..timeutil import utcnow
from ..twostep.policies import two_step_since
from .forms import ForgottenPasswordForm, NewUserForm, PlacementForm, SetPasswordForm
from .links import password_link_url
from .policies import may_see_overview, user_or_404
from .queries import usable_link, users_matching
from .services import (
    NewLink,
    change_user,
    create_user,
    deactivate_user,
    hand_out_password_link,
    reactivate_user,
    request_password_reset,
    set_password_with,
)

bp = Blueprint("admin", __name__, url_prefix="/beheer")
password = Blueprint("password", __name__)


@bp.get("")
@only_if(may_see_overview)
def index():
    failed = failed_mails() if may_administer(current_user) else []
    return render_template("admin/index.html", failed_mails=failed)


@bp.get("/gebruikers")
@only_if(may_administer)
def users():
    q = request.args.get("q", "").strip()
    page = db.paginate(users_matching(q), per_page=50, error_out=False)
    return render_template("admin/users.html", page=page, q=q)


@bp.route("/gebruikers/nieuw", methods=["GET", "POST"])
@only_if(may_administer)
def user_new():
    form = NewUserForm()
    form.fill_choices()
    if form.validate_on_submit():
        try:
            user = create_user(current_user, form.email.data or "", form.name.data or "",
                               form.role.data or "", department=form.department.data or None,
                               partner=form.partner.data or None)
        except InvalidInput as error:
            keep_input(form, error)
        else:
            link = hand_out_password_link(current_user, user)
            if link is None:
                return render_template("admin/user_mailed.html", user=user)
            return _show_link(link, created=True)
    status = 422 if form.is_submitted() else 200
    return render_template("admin/user_new.html", form=form), status


@bp.route("/gebruikers/<int:user_id>", methods=["GET", "POST"])
def user_edit(user_id: int):
    user = user_or_404(user_id, current_user)
    form = PlacementForm(data={"role": user.role,
                               "department": user.department.slug if user.department else "",
                               "partner": user.partner.slug if user.partner else ""})
    form.fill_choices(user)
    if form.validate_on_submit():
        try:
            change_user(current_user, user, form.role.data or "",
                        form.department.data or None, form.partner.data or None)
        except InvalidInput as error:
            keep_input(form, error)  # the user is read again as it is stored
        else:
            flash(_("De gegevens van %(name)s zijn bewaard.", name=user.name), "success")
            return redirect(url_for(".user_edit", user_id=user.id))
    status = 422 if form.is_submitted() else 200
    return render_template("admin/user_edit.html", form=form, user=user,
                           tokens=tokens_of(user), two_step_since=two_step_since(user),
                           now=utcnow()), status


@bp.post("/gebruikers/<int:user_id>/deactiveren")
def user_deactivate(user_id: int):
    user = user_or_404(user_id, current_user)
    try:
        deactivate_user(current_user, user)
    except InvalidInput as refused:
        _flash_refusal(refused)
    else:
        flash(_("%(name)s is gedeactiveerd en overal uitgelogd.", name=user.name), "success")
    return redirect(url_for(".user_edit", user_id=user.id))


@bp.post("/gebruikers/<int:user_id>/heractiveren")
def user_reactivate(user_id: int):
    user = user_or_404(user_id, current_user)
    reactivate_user(current_user, user)
    flash(_("%(name)s is weer actief.", name=user.name), "success")
    return redirect(url_for(".user_edit", user_id=user.id))


@bp.post("/gebruikers/<int:user_id>/tokens/<int:token_id>/intrekken")
def user_token_revoke(user_id: int, token_id: int):
    user = user_or_404(user_id, current_user)
    revoke_token(current_user, token_or_404(token_id, user, current_user))
    flash(_("De API-token is ingetrokken."), "success")
    return redirect(url_for(".user_edit", user_id=user.id))


@bp.post("/gebruikers/<int:user_id>/wachtwoordlink")
def user_password_link(user_id: int):
    user = user_or_404(user_id, current_user)
    try:
        link = hand_out_password_link(current_user, user)
    except InvalidInput as refused:
        _flash_refusal(refused)
        return redirect(url_for(".user_edit", user_id=user.id))
    if link is None:
        flash(_("Rugzak stuurt %(name)s een e-mail op %(email)s met een nieuwe link om een "
                "wachtwoord te kiezen.", name=user.name, email=user.email), "success")
        return redirect(url_for(".user_edit", user_id=user.id))
    return _show_link(link, created=False)


def _show_link(link: NewLink, created: bool):
    """The link is shown once, on this page only: it is in no session, flash or log."""
    response = render_template("admin/user_link.html", user=link.user, created=created,
                               link=password_link_url(link.token))
    return response, 200, {"Cache-Control": "no-store"}


def _flash_refusal(refused: InvalidInput) -> None:
    db.session.rollback()
    for message in refused.errors.values():
        flash(message, "error")


PRIVATE = {"Referrer-Policy": "no-referrer"}  # the token is in the URL's fragment


@password.route("/wachtwoord-instellen", methods=["GET", "POST"])
def set_password():
    """The token comes in the POSTed form, never in a URL a server or proxy logs."""
    require_local_passwords()
    form = SetPasswordForm()
    if not form.validate_on_submit():
        return _set_password_page(form)
    if not form.token.data:
        attach_errors(form, {"token": _("Vul de code uit je link in.")})
        return _set_password_page(form)
    link = usable_link(form.token.data)
    if link is None:
        return render_template("admin/link_unusable.html"), 410, PRIVATE
    try:
        set_password_with(link, form.password.data or "", form.confirm.data or "")
    except InvalidInput as error:
        keep_input(form, error)
        return _set_password_page(form, link.user)
    logout_user()
    session.clear()
    flash(_("Je wachtwoord is ingesteld. Log nu in."), "success")
    return redirect(url_for("auth.login"))


@password.route("/wachtwoord-vergeten", methods=["GET", "POST"])
def forgotten():
    """Ask for a one-time link by e-mail; the same answer whether the address is known or not."""
    if not mail_configured():
        abort(404)
    require_local_passwords()
    form = ForgottenPasswordForm()
    if not form.validate_on_submit():
        return _forgotten_page(form)
    email = (form.email.data or "").strip()
    if not email:
        attach_errors(form, {"email": _("Vul je e-mailadres in.")})
        return _forgotten_page(form)
    retry_after = password_reset_retry_after(email, request.remote_addr)
    if retry_after:
        record(Action.PASSWORD_RESET_REQUESTED, actor=None, outcome=Outcome.DENIED,
               detail="geweigerd: te vaak gevraagd")
        db.session.commit()
        attach_errors(form, {"email": _("Je hebt dit te vaak gevraagd. Probeer het over een "
                                        "uur opnieuw.")})
        return _forgotten_page(form, 429, {"Retry-After": str(retry_after)})
    request_password_reset(email, request.remote_addr)
    flash(_("Hoort dit e-mailadres bij een account van Rugzak? Dan krijg je binnen een paar "
            "minuten een e-mail met een link om een nieuw wachtwoord te kiezen."), "success")
    return redirect(url_for("auth.login"))


def _forgotten_page(form: ForgottenPasswordForm, status: int | None = None, headers=None):
    status = status or (422 if form.is_submitted() else 200)
    return render_template("admin/forgotten.html", form=form), status, headers or {}


def _set_password_page(form: SetPasswordForm, user=None):
    status = 422 if form.is_submitted() else 200
    return render_template("admin/set_password.html", form=form, user=user), status, PRIVATE
