"""Sign-in and sign-out."""
from __future__ import annotations

import math
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required, logout_user

from ..audit.models import Action, Outcome
from ..audit.services import record
from ..extensions import db
from ..security.sessions import SIGN_OUT_URL_KEY, end_current_session, sign_in
from ..security.throttle import (
    count_failed_sign_in,
    forget_failed_sign_ins,
    sign_in_retry_after,
)
from ..twostep.pending import begin_second_step
from ..twostep.policies import has_two_step
from .forms import LoginForm
from .services import authenticate, find_user

bp = Blueprint("auth", __name__)


@bp.route("/inloggen", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = LoginForm(next=request.args.get("next", ""))
    status = 200
    if form.validate_on_submit():
        email = form.email.data or ""
        retry_after = sign_in_retry_after(email, request.remote_addr)
        if retry_after:
            return _throttled(form, email, retry_after)
        user = authenticate(email, form.password.data or "")
        if user is not None and has_two_step(user):  # failures are forgotten after the code
            begin_second_step(user, safe_next(form.next.data))
            return redirect(url_for("twostep.sign_in_code"))
        if user is not None:
            forget_failed_sign_ins(email)
            sign_in(user)
            return redirect(safe_next(form.next.data) or url_for("home.index"))
        count_failed_sign_in(email, request.remote_addr)
        form.password.errors.append(_("Dit e-mailadres en wachtwoord horen niet bij elkaar, "
                                      "of het account is niet actief."))
        status = 401
    elif request.method == "POST":
        status = 400
    return render_template("auth/login.html", form=form), status


def _throttled(form: LoginForm, email: str, retry_after: int):
    """429 without checking the password: too many failed attempts for this account or address."""
    record(Action.SIGN_IN_FAILED, actor=None, target=find_user(email), outcome=Outcome.DENIED,
           detail="geweigerd: te veel mislukte pogingen")
    db.session.commit()
    minutes = max(1, math.ceil(retry_after / 60))
    form.password.errors.append(ngettext(
        "Te veel mislukte inlogpogingen. Probeer het over %(num)d minuut opnieuw.",
        "Te veel mislukte inlogpogingen. Probeer het over %(num)d minuten opnieuw.", minutes))
    response = make_response(render_template("auth/login.html", form=form), 429)
    response.headers["Retry-After"] = str(retry_after)
    return response


@bp.post("/uitloggen")
@login_required
def logout():
    record(Action.SIGN_OUT, target=current_user._get_current_object())
    end_current_session()
    db.session.commit()
    destination = session.get(SIGN_OUT_URL_KEY) or url_for("auth.login")
    logout_user()
    session.clear()
    flash(_("Je bent uitgelogd."), "info")
    return redirect(destination)


def safe_next(target: str | None) -> str | None:
    """Only a path on this site: no scheme, no host, no protocol-relative or backslash tricks."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or any(ord(char) < 32 for char in target):
        return None
    return target
