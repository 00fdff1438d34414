"""/beheer/datums: experiences and agenda items dated outside the plausible range, with a way
to correct each experience's date (agenda items are corrected on their own edit page)."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.policies import only_if
from ..dates import occurred_range, target_range
from ..errors import InvalidInput, NotFound
from ..experiences.models import Experience
from ..extensions import db
from ..forms import keep_input
from .forms import DateCorrectionForm
from .policies import may_correct_dates
from .queries import count, implausible_agenda_items, implausible_experiences
from .services import correct_experience_date

bp = Blueprint("datecheck", __name__, url_prefix="/beheer/datums")
LISTED = 200  # rows per list; a larger backlog shows its total and the first rows


@bp.get("")
@only_if(may_correct_dates)
def index():
    return _page({})


@bp.post("/<int:experience_id>")
@only_if(may_correct_dates)
def correct(experience_id: int):
    experience = db.session.scalar(
        implausible_experiences().where(Experience.id == experience_id))
    if experience is None:
        raise NotFound()
    form = DateCorrectionForm.for_experience(experience)
    if form.validate_on_submit():
        try:
            correct_experience_date(current_user, experience_id, form.occurred_on.parsed)
        except InvalidInput as error:
            keep_input(form, error)
        else:
            flash(_("De datum van „%(title)s” is aangepast.", title=experience.title), "success")
            return redirect(url_for(".index"))
    return _page({experience_id: form}), 422


def _page(submitted: dict[int, DateCorrectionForm]):
    experiences = db.session.scalars(implausible_experiences().limit(LISTED)).all()
    items = db.session.scalars(implausible_agenda_items().limit(LISTED)).all()
    forms = {experience.id: submitted.get(experience.id)
             or DateCorrectionForm.for_experience(experience, formdata=None)
             for experience in experiences}
    return render_template("datecheck/index.html", experiences=experiences, items=items,
                           forms=forms, occurred=occurred_range(), target=target_range(),
                           experience_total=count(implausible_experiences()),
                           item_total=count(implausible_agenda_items()))
