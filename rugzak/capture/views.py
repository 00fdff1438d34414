"""Snel vastleggen: one question per page, each answer saved into a concept at once."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..errors import InvalidInput, NotFound, StaleVersion
from ..experiences.forms import build_form
from ..experiences.policies import editable_or_404
from ..experiences.services import ExperienceInput
from ..forms import attach_errors, keep_input
from .policies import may_capture
from .queries import resume_steps
from .services import (
    accepted_choices,
    accepted_conditions,
    publish,
    save_step,
    start_capture,
)
from .steps import LAST, STEPS, step_number_of
from .suggestions import suggest

bp = Blueprint("capture", __name__)
SUGGESTIONS = 6
LIST_FIELDS = ("departments", "partners")


@bp.app_template_global()
def capture_resume_steps() -> dict[int, int]:
    """Experience id -> the step to resume at, for the signed-in person's concepts."""
    return resume_steps(current_user) if current_user.is_authenticated else {}


@bp.route("/ervaringen/snel", methods=["GET", "POST"])
def start():
    form = build_form(current_user)
    if not form.is_submitted():
        return _page(form, None, STEPS[0])
    try:
        experience = start_capture(current_user, form.situation.data or "")
    except InvalidInput as refusal:
        keep_input(form, refusal)
        return _page(form, None, STEPS[0], 422)
    return redirect(url_for(".step", experience_id=experience.id, number=2))


@bp.route("/ervaringen/snel/<int:experience_id>/stap/<int:number>", methods=["GET", "POST"])
def step(experience_id: int, number: int):
    experience = editable_or_404(experience_id, current_user)
    if not may_capture(current_user, experience):
        return redirect(url_for("experiences.edit", experience_id=experience.id))
    if not 1 <= number <= LAST:
        raise NotFound()
    current = STEPS[number - 1]
    form = build_form(current_user, experience)
    if not form.is_submitted():
        return _page(form, experience, current)
    action = request.form.get("action", "next")
    try:
        if action == "publish" and number == LAST:
            return _publish(form, experience, current)
        target = min(max({"back": number - 1, "later": number}.get(action, number + 1), 1),
                     LAST)
        save_step(current_user, experience, current, _answers(current, form, experience),
                  form.submitted_version(), resume_at=target, check_required=action == "next")
    except InvalidInput as refusal:
        keep_input(form, refusal)
        return _page(form, experience, current, 422, findings=refusal.extra.get("findings", []))
    except StaleVersion as stale:
        form.version.data = str(stale.current.version)  # saving again now overwrites knowingly
        attach_errors(form, stale.version_errors)
        return _page(form, stale.current, current, 409, conflict=stale.current)
    if action == "later":
        flash(_("Je ervaring is bewaard als concept. Alleen jij ziet hem."), "success")
        return redirect(url_for("experiences.mine"))
    return redirect(url_for(".step", experience_id=experience.id, number=target))


def _publish(form, experience, current):
    publish(current_user, experience, _answers(current, form, experience),
            form.submitted_version(), "confirm_privacy" in request.form)
    flash(_("Je ervaring is gepubliceerd. Dank je wel voor het delen!"), "success")
    return redirect(url_for("experiences.show", experience_id=experience.id))


def _answers(current, form, experience) -> dict:
    """What this step's page sent, as changes to the experience's input."""
    if current.number == SUGGESTIONS:
        return _accepted(ExperienceInput.from_experience(experience))
    answers = {}
    for name in current.fields:
        if name not in form:  # a partner is not asked who may read: partners always may
            continue
        data = form[name].data
        answers[name] = bool(data) if name == "anonymous" else \
            data or ([] if name in LIST_FIELDS else "")
    return answers


def _accepted(data: ExperienceInput) -> dict:
    """The ticked suggestions replace the shown ones; what was not shown stays."""
    sent = request.form
    ticked = sent.getlist("condition")
    return {
        "goals": accepted_choices(data.goals, sent.getlist("shown_goal"), sent.getlist("goal")),
        "tags": accepted_choices(data.tags, sent.getlist("shown_tag"), sent.getlist("tag")),
        "conditions": accepted_conditions(
            data.conditions, sent.getlist("shown_condition"), ticked,
            {slug: sent.get(f"effect_{slug}", "") for slug in ticked}),
    }


def _page(form, experience, current, status: int = 200, **context):
    if current.number == SUGGESTIONS and experience is not None:
        context["suggestions"] = suggest(current_user, experience)
    if experience is not None:
        context["field_steps"] = {name: _field_url(experience, name) for name in form._fields}
    return render_template("capture/step.html", form=form, experience=experience,
                           step=current, steps=STEPS, last=LAST, **context), status


def _field_url(experience, name: str) -> str:
    """Where to change a field that this page does not ask for."""
    number = step_number_of(name)
    if number is None:
        return url_for("experiences.edit", experience_id=experience.id, _anchor=name)
    return url_for(".step", experience_id=experience.id, number=number, _anchor=name)
