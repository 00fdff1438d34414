"""/beheer: the overview of the curators' and administrator's tasks; /beheer/gebruikers, where
the administrator lists, creates, changes, deactivates and reactivates users and hands out
one-time links; and /wachtwoord-instellen/<token>, the public page behind such a link."""
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
from sqlalchemy import func, or_, select

from ..auth.models import User
from ..auth.policies import may_administer, only_if
from ..auth.services import (
    AccountError,
    change_user,
    create_user,
    deactivate_user,
    reactivate_user,
)
from ..extensions import db
from .forms import NewUserForm, PlacementForm, SetPasswordForm
from .password_links import LinkProblem, issue_link, set_password_with, usable_link

bp = Blueprint("admin", __name__, url_prefix="/beheer")
password = Blueprint("password", __name__)


@bp.get("")
def index():
    if not current_user.is_curator:
        abort(403)
    return render_template("admin/index.html")


SEARCH_MAX = 100


@bp.get("/gebruikers")
@only_if(may_administer)
def users():
    q = request.args.get("q", "").strip()[:SEARCH_MAX]
    query = select(User).order_by(func.lower(User.name))
    if q:
        pattern = f"%{q.lower()}%"
        query = query.where(or_(func.lower(User.name).like(pattern),
                                func.lower(User.email).like(pattern)))
    page = db.paginate(query, per_page=50, error_out=False)
    return render_template("admin/users.html", page=page, q=q)


@bp.route("/gebruikers/nieuw", methods=["GET", "POST"])
@only_if(may_administer)
def user_new():
    form = NewUserForm()
    form.fill_choices()
    if form.validate_on_submit():
        try:
            user = create_user(form.email.data or "", form.name.data or "", form.role.data or "",
                               department=form.department.data or None,
                               partner=form.partner.data or None)
        except AccountError as error:
            db.session.rollback()
            _attach(form, error)
        else:
            return _show_link(user, created=True)
    status = 422 if form.is_submitted() else 200
    return render_template("admin/user_new.html", form=form), status


@bp.route("/gebruikers/<int:user_id>", methods=["GET", "POST"])
@only_if(may_administer)
def user_edit(user_id: int):
    user = _user_or_404(user_id)
    form = PlacementForm(data={"role": user.role,
                               "department": user.department.slug if user.department else "",
                               "partner": user.partner.slug if user.partner else ""})
    form.fill_choices(user)
    if form.validate_on_submit():
        try:
            if user.id == current_user.id and form.role.data != user.role:
                raise AccountError(_("Je kunt je eigen rol niet wijzigen; vraag een andere "
                                     "beheerder."), "role")
            change_user(user, form.role.data or "", form.department.data or None,
                        form.partner.data or None)
        except AccountError as error:
            db.session.rollback()
            user = _user_or_404(user_id)
            _attach(form, error)
        else:
            flash(_("De gegevens van %(name)s zijn bewaard.", name=user.name), "success")
            return redirect(url_for(".user_edit", user_id=user.id))
    status = 422 if form.is_submitted() else 200
    return render_template("admin/user_edit.html", form=form, user=user), status


@bp.post("/gebruikers/<int:user_id>/deactiveren")
@only_if(may_administer)
def user_deactivate(user_id: int):
    user = _user_or_404(user_id)
    if user.id == current_user.id:
        flash(_("Je kunt jezelf niet deactiveren."), "error")
    elif user.active:
        deactivate_user(user)
        flash(_("%(name)s is gedeactiveerd en overal uitgelogd.", name=user.name), "success")
    return redirect(url_for(".user_edit", user_id=user.id))


@bp.post("/gebruikers/<int:user_id>/heractiveren")
@only_if(may_administer)
def user_reactivate(user_id: int):
    user = _user_or_404(user_id)
    reactivate_user(user)
    flash(_("%(name)s is weer actief.", name=user.name), "success")
    return redirect(url_for(".user_edit", user_id=user.id))


@bp.post("/gebruikers/<int:user_id>/wachtwoordlink")
@only_if(may_administer)
def user_password_link(user_id: int):
    user = _user_or_404(user_id)
    if not user.active:
        flash(_("Heractiveer het account eerst."), "error")
        return redirect(url_for(".user_edit", user_id=user.id))
    return _show_link(user, created=False)


def _show_link(user: User, created: bool):
    """The link is shown once, on this page only: it is in no session, flash or log."""
    token = issue_link(user)
    db.session.commit()
    response = render_template("admin/user_link.html", user=user, created=created,
                               link=url_for("password.set_password", token=token,
                                            _external=True))
    return response, 200, {"Cache-Control": "no-store"}


def _user_or_404(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


def _attach(form, error: AccountError) -> None:
    field = form._fields.get(error.field or "")
    if field is None:
        form.form_errors.append(str(error))
    else:
        field.errors = [str(error)]


PRIVATE = {"Referrer-Policy": "no-referrer"}  # the token is in the URL


@password.route("/wachtwoord-instellen/<token>", methods=["GET", "POST"])
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
