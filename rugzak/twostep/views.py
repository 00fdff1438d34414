"""The second step of signing in (/inloggen/code) and two-step verification on /account."""
from __future__ import annotations

import math

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from ..errors import InvalidInput
from ..extensions import db
from ..forms import attach_errors, keep_input
from ..security.sessions import sign_in
from ..security.throttle import (
    count_failed_sign_in,
    forget_failed_sign_ins,
    sign_in_retry_after,
)
from .forms import CodeForm, PasswordAndCodeForm
from .pending import PENDING_KEY, pending_next, pending_user
from .policies import has_two_step, two_step_required
from .services import (
    accept_code,
    confirm_setup,
    pending_secret,
    provisioning_qr,
    record_second_step,
    recovery_codes_left,
    renew_recovery_codes,
    switch_off,
)

bp = Blueprint("twostep", __name__)


@bp.route("/inloggen/code", methods=["GET", "POST"])
def sign_in_code():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    user = pending_user()
    if user is None:
        if PENDING_KEY in session:
            session.pop(PENDING_KEY)
            flash(_("De tijd om de code te typen is voorbij. Log opnieuw in."), "info")
        return redirect(url_for("auth.login"))
    form = CodeForm()
    if not form.is_submitted():
        return render_template("twostep/sign_in_code.html", form=form)
    retry_after = sign_in_retry_after(user.email, request.remote_addr)
    if retry_after:
        record_second_step(user, accepted=False, throttled=True)
        db.session.commit()
        return _throttled(form, retry_after)
    accepted = accept_code(user, form.code.data or "")
    record_second_step(user, accepted)
    db.session.commit()
    if not accepted:
        count_failed_sign_in(user.email, request.remote_addr)
        attach_errors(form, {"code": _("Deze code klopt niet of is al gebruikt. Typ de code die "
                                       "je app nu laat zien, of een herstelcode.")})
        return render_template("twostep/sign_in_code.html", form=form), 401
    forget_failed_sign_ins(user.email)
    next_url = pending_next()  # checked by the sign-in page before it was kept
    sign_in(user)
    return redirect(next_url or url_for("home.index"))


def _throttled(form, retry_after: int):
    minutes = max(1, math.ceil(retry_after / 60))
    attach_errors(form, {"code": ngettext(
        "Te veel mislukte inlogpogingen. Probeer het over %(num)d minuut opnieuw.",
        "Te veel mislukte inlogpogingen. Probeer het over %(num)d minuten opnieuw.", minutes)})
    return render_template("twostep/sign_in_code.html", form=form), 429, {
        "Retry-After": str(retry_after)}


@bp.get("/account/tweestapsverificatie")
def setup():
    user = current_user._get_current_object()
    if has_two_step(user):
        return render_template("twostep/manage.html", form=PasswordAndCodeForm(),
                               codes_left=recovery_codes_left(user))
    return _setup_page(CodeForm())


def _setup_page(form: CodeForm, status: int = 200):
    user = current_user._get_current_object()
    secret = pending_secret(user)
    return render_template("twostep/setup.html", form=form, secret=secret,
                           qr=provisioning_qr(user, secret),
                           required=two_step_required(user)), status


@bp.post("/account/tweestapsverificatie")
def confirm():
    user = current_user._get_current_object()
    if has_two_step(user):  # already on: never show the secret again
        return redirect(url_for(".setup"))
    form = CodeForm()
    try:
        codes = confirm_setup(user, form.code.data or "")
    except InvalidInput as refused:
        keep_input(form, refused)
        return _setup_page(form, 422)
    return render_template("twostep/codes.html", codes=codes, first=True)


@bp.post("/account/tweestapsverificatie/uitzetten")
def disable():
    _done, refusal = _checked(PasswordAndCodeForm(), switch_off)
    if refusal:
        return refusal
    flash(_("Tweestapsverificatie staat uit."), "success")
    return redirect(url_for("account.index"))


@bp.post("/account/tweestapsverificatie/herstelcodes")
def renew_codes():
    codes, refusal = _checked(PasswordAndCodeForm(), renew_recovery_codes)
    return refusal or render_template("twostep/codes.html", codes=codes, first=False)


def _checked(form: PasswordAndCodeForm, use_case):
    """(what `use_case(user, password, code)` returned, None), or (None, the page again with
    the refusal). Wrong passwords and codes count as failed sign-ins (the same throttle)."""
    user = current_user._get_current_object()
    retry_after = sign_in_retry_after(user.email, request.remote_addr)
    if retry_after:
        attach_errors(form, {"code": _("Te veel mislukte pogingen. Probeer het later opnieuw.")})
        return None, _manage_page(form, 429, {"Retry-After": str(retry_after)})
    try:
        return use_case(user, form.password.data or "", form.code.data or ""), None
    except InvalidInput as refused:
        keep_input(form, refused)
        count_failed_sign_in(user.email, request.remote_addr)
        return None, _manage_page(form, 422)


def _manage_page(form: PasswordAndCodeForm, status: int, headers: dict | None = None):
    user = current_user._get_current_object()
    return render_template("twostep/manage.html", form=form,
                           codes_left=recovery_codes_left(user)), status, headers or {}
