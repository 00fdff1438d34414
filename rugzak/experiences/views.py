"""HTML pages for experiences: list, mine, new, show, edit."""
from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from ..errors import InvalidInput, StaleVersion
from ..extensions import db
from ..forms import attach_errors, keep_input
from ..search.engine import related
from ..taxonomy.queries import taxonomy_for_filters
from ..writing.labels import advice
from ..writing.services import check_sections
from .forms import build_form
from .models import TEXT_SECTIONS
from .policies import can_edit, editable_or_404, get_visible_or_404
from .queries import (
    ListFilters,
    apply_filters,
    ordered,
    own_experiences,
    visible_experiences,
)
from .services import create_experience, find_problems, update_experience

bp = Blueprint("experiences", __name__)
CHECK_WRITING = "check_writing"  # the button "Controleer de leesbaarheid"


@bp.get("/ervaringen")
def index():
    filters = ListFilters.from_args(request.args)
    sort = request.args.get("sort", "")
    query = ordered(apply_filters(visible_experiences(current_user), filters), sort)
    page = db.paginate(query, per_page=_per_page(), error_out=False)
    return render_template("experiences/index.html", page=page, filters=filters, sort=sort,
                           taxonomy=taxonomy_for_filters())


@bp.get("/mijn-ervaringen")
def mine():
    page = db.paginate(own_experiences(current_user), per_page=_per_page(), error_out=False)
    return render_template("experiences/mine.html", page=page)


@bp.route("/ervaringen/nieuw", methods=["GET", "POST"])
def new():
    form = build_form(current_user)
    if not form.is_submitted():
        return render_template("experiences/form.html", form=form, experience=None)
    if CHECK_WRITING in request.form:
        return _check_writing(form, None)
    return _save(form, None, lambda data: create_experience(current_user, data))


@bp.get("/ervaringen/<int:experience_id>")
def show(experience_id: int):
    experience = get_visible_or_404(experience_id, current_user)
    return render_template("experiences/show.html", experience=experience,
                           may_edit=can_edit(current_user, experience),
                           related=related(current_user, experience.id))


@bp.route("/ervaringen/<int:experience_id>/bewerken", methods=["GET", "POST"])
def edit(experience_id: int):
    experience = editable_or_404(experience_id, current_user)
    form = build_form(current_user, experience)
    if not form.is_submitted():
        return render_template("experiences/form.html", form=form, experience=experience)
    if CHECK_WRITING in request.form:
        return _check_writing(form, experience)
    return _save(form, experience, lambda data: update_experience(
        current_user, experience, data, form.submitted_version()))


def _save(form, experience, save):
    """Validate and save; on any problem show the form again with everything the user typed."""
    parsed = form.validate()
    data = form.to_input(publish="publish" in request.form)
    data.confirm_privacy = "confirm_privacy" in request.form
    try:
        if not parsed:  # the form's own messages are at their fields already
            raise find_problems(current_user, data, experience) or InvalidInput({})
        saved = save(data)
    except InvalidInput as refusal:
        keep_input(form, refusal)
        return render_template("experiences/form.html", form=form, experience=experience,
                               findings=refusal.extra.get("findings", [])), 422
    except StaleVersion as stale:
        form.version.data = str(stale.current.version)  # saving again now overwrites knowingly
        attach_errors(form, stale.version_errors)
        return render_template("experiences/form.html", form=form, experience=stale.current,
                               conflict=stale.current), 409
    flash(_saved_message(saved), "success")
    return redirect(url_for(".show", experience_id=saved.id))


def _check_writing(form, experience):
    """The form again with plain-language advice under each text section and everything the
    user typed; nothing is saved."""
    texts = {name: form[name].data or "" for name in TEXT_SECTIONS}
    try:
        checked = check_sections(current_user, texts)
    except InvalidInput as refusal:
        keep_input(form, refusal)
        return render_template("experiences/form.html", form=form, experience=experience), 422
    return render_template("experiences/form.html", form=form, experience=experience,
                           writing={name: advice(analysis) for name, analysis in checked.items()})


def _saved_message(experience) -> str:
    if experience.is_published:
        return _("Je ervaring is gepubliceerd. Dank je wel voor het delen!")
    return _("Je ervaring is bewaard als concept. Alleen jij ziet hem.")


def _per_page() -> int:
    return current_app.config["PER_PAGE"]
