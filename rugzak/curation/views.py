"""Highlighting, hiding and restoring an experience (kernteam)."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.policies import may_curate
from ..errors import InvalidInput
from ..forms import keep_input
from ..privacy.check import CONFIRM_FIELD
from .forms import HideForm, HighlightForm
from .policies import curated_or_404
from .services import hide, highlight, remove_highlight, restore

bp = Blueprint("curation", __name__)


@bp.route("/ervaringen/<int:experience_id>/uitlichten", methods=["GET", "POST"])
def highlight_form(experience_id: int):
    experience = curated_or_404(experience_id, current_user)
    form = HighlightForm(data={"note": experience.highlight_note or ""})
    findings = None
    if form.validate_on_submit():
        try:
            highlight(current_user, experience, form.note.data or "", _confirmed())
        except InvalidInput as error:
            keep_input(form, error)
            findings = error.extra.get("findings")
        else:
            flash(_("De ervaring is uitgelicht."), "success")
            return _back(experience_id)
    status = 422 if form.is_submitted() else 200
    return render_template("curation/highlight.html", form=form, experience=experience,
                           findings=findings), status


@bp.post("/ervaringen/<int:experience_id>/uitlichten/weghalen")
def unhighlight(experience_id: int):
    remove_highlight(current_user, curated_or_404(experience_id, current_user))
    flash(_("De ervaring is niet meer uitgelicht."), "success")
    return _back(experience_id)


@bp.route("/ervaringen/<int:experience_id>/verbergen", methods=["GET", "POST"])
def hide_form(experience_id: int):
    experience = curated_or_404(experience_id, current_user)
    form = HideForm()
    findings = None
    if form.validate_on_submit():
        try:
            hide(current_user, experience, form.reason.data or "", _confirmed())
        except InvalidInput as error:
            keep_input(form, error)
            findings = error.extra.get("findings")
        else:
            flash(_("De ervaring is verborgen. Alleen het kernteam, de beheerder en de auteur "
                    "zien haar nog."), "success")
            return _back(experience_id)
    status = 422 if form.is_submitted() else 200
    return render_template("curation/hide.html", form=form, experience=experience,
                           findings=findings), status


@bp.post("/ervaringen/<int:experience_id>/terugzetten")
def restore_hidden(experience_id: int):
    restore(current_user, curated_or_404(experience_id, current_user))
    flash(_("De ervaring is weer zichtbaar voor iedereen die haar mag lezen."), "success")
    return _back(experience_id)


def _confirmed() -> bool:
    return CONFIRM_FIELD in request.form


def _back(experience_id: int):
    return redirect(url_for("experiences.show", experience_id=experience_id))


@bp.app_template_global()
def may_curate_experiences() -> bool:
    return may_curate(current_user)
