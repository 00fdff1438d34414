"""Deleting an experience (author or curator), /prullenbak for the kernteam, and the author's
own undo (their deleted experiences on /mijn-ervaringen)."""
from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from ..experiences.models import Experience
from ..extensions import db
from .forms import ConfirmForm
from .policies import (
    deletable_or_404,
    ensure_may_use_bin,
    may_delete,
    may_use_bin,
    restorable_or_404,
)
from .services import binned, binned_by_author, delete_experience, restore_experience

bp = Blueprint("bin", __name__)


@bp.app_template_global()
def delete_link(experience: Experience) -> str | None:
    if not may_delete(current_user, experience):
        return None
    return url_for("bin.delete", experience_id=experience.id)


@bp.app_template_global()
def bin_link() -> str | None:
    return url_for("bin.index") if may_use_bin(current_user) else None


@bp.app_template_global()
def own_deleted_experiences() -> list[Experience]:
    """For /mijn-ervaringen: what the user deleted themselves and may restore."""
    return list(db.session.scalars(binned_by_author(current_user)))


@bp.route("/ervaringen/<int:experience_id>/verwijderen", methods=["GET", "POST"])
def delete(experience_id: int):
    experience = deletable_or_404(experience_id, current_user)
    form = ConfirmForm()
    if not form.is_submitted():
        return render_template("bin/delete.html", experience=experience, form=form)
    if not form.validate():
        abort(400)
    delete_experience(current_user, experience)
    if experience.author_id == current_user.id:
        flash(_("De ervaring staat nu in de prullenbak en is voor niemand meer te zien. Met "
                "„Ongedaan maken” hieronder zet je hem terug."), "success")
    else:
        flash(_("De ervaring staat nu in de prullenbak en is voor niemand meer te zien. Het "
                "kernteam kan hem terugzetten."), "success")
    return redirect(url_for("experiences.mine"))


@bp.get("/prullenbak")
def index():
    ensure_may_use_bin(current_user)
    page = db.paginate(binned(), per_page=current_app.config["PER_PAGE"], error_out=False)
    return render_template("bin/index.html", page=page)


@bp.post("/prullenbak/<int:experience_id>/terugzetten")
def restore(experience_id: int):
    experience = restorable_or_404(experience_id, current_user)  # before the token
    if not ConfirmForm().validate_on_submit():
        abort(400)
    restore_experience(current_user, experience)
    flash(_("De ervaring is teruggezet en weer te zien voor wie hem mag zien."), "success")
    return redirect(url_for("experiences.show", experience_id=experience.id))
