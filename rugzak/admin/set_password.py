"""/wachtwoord-instellen/<token>: the public page behind a one-time link."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_login import logout_user

from .password_links import LinkProblem, set_password_with, usable_link
from .user_forms import SetPasswordForm

bp = Blueprint("password", __name__)
PRIVATE = {"Referrer-Policy": "no-referrer"}  # the token is in the URL


@bp.route("/wachtwoord-instellen/<token>", methods=["GET", "POST"])
def set_password(token: str):
    link = usable_link(token)
    if link is None:
        return render_template("admin/link_unusable.html"), 410, PRIVATE
    form = SetPasswordForm()
    if form.validate_on_submit():
        try:
            set_password_with(link, form.password.data or "", form.confirm.data or "")
        except LinkProblem as problem:
            form[problem.field].errors = [problem.message]
        else:
            logout_user()
            session.clear()
            flash(_("Je wachtwoord is ingesteld. Log nu in."), "success")
            return redirect(url_for("auth.login"))
    status = 422 if form.is_submitted() else 200
    return render_template("admin/set_password.html", form=form, user=link.user), status, PRIVATE
