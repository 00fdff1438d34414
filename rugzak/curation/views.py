"""Highlighting, hiding and restoring an experience (kernteam)."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.policies import may_curate, require
from ..experiences.policies import get_visible_or_404
from .forms import HideForm, HighlightForm
from .services import CurationError, hide, highlight, remove_highlight, restore

bp = Blueprint("curation", __name__)


def _curated(experience_id: int):
    experience = get_visible_or_404(experience_id, current_user)
    require(may_curate(current_user))
    return experience


@bp.route("/ervaringen/<int:experience_id>/uitlichten", methods=["GET", "POST"])
def highlight_form(experience_id: int):
    experience = _curated(experience_id)
    form = HighlightForm(data={"note": experience.highlight_note or ""})
    if form.validate_on_submit():
        try:
            highlight(experience, form.note.data or "")
        except CurationError as error:
            form.note.errors = [error.errors["note"]]
        else:
            flash(_("De ervaring is uitgelicht."), "success")
            return redirect(url_for("experiences.show", experience_id=experience_id))
    status = 422 if form.is_submitted() else 200
    return render_template("curation/highlight.html", form=form, experience=experience), status


@bp.post("/ervaringen/<int:experience_id>/uitlichten/weghalen")
def unhighlight(experience_id: int):
    experience = _curated(experience_id)
    remove_highlight(experience)  # CSRFProtect checked the token of every POST
    flash(_("De ervaring is niet meer uitgelicht."), "success")
    return redirect(url_for("experiences.show", experience_id=experience_id))


@bp.route("/ervaringen/<int:experience_id>/verbergen", methods=["GET", "POST"])
def hide_form(experience_id: int):
    experience = _curated(experience_id)
    form = HideForm()
    if form.validate_on_submit():
        try:
            hide(experience, form.reason.data or "")
        except CurationError as error:
            form.reason.errors = [error.errors["reason"]]
        else:
            flash(_("De ervaring is verborgen. Alleen het kernteam, de beheerder en de auteur "
                    "zien haar nog."), "success")
            return redirect(url_for("experiences.show", experience_id=experience_id))
    status = 422 if form.is_submitted() else 200
    return render_template("curation/hide.html", form=form, experience=experience), status


@bp.post("/ervaringen/<int:experience_id>/terugzetten")
def restore_hidden(experience_id: int):
    experience = _curated(experience_id)
    restore(experience)
    flash(_("De ervaring is weer zichtbaar voor iedereen die haar mag lezen."), "success")
    return redirect(url_for("experiences.show", experience_id=experience_id))


@bp.app_template_global()
def may_curate_experiences() -> bool:
    return may_curate(current_user)
