"""Klopt dit nog?: the answers on the experience page, and the core team's list on /beheer."""
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

from ..auth.models import User
from ..auth.policies import only_if
from ..experiences.models import Experience
from ..extensions import db
from .policies import author_left, is_due, may_review, review_cutoff, reviewable_or_404
from .queries import overdue, overdue_count
from .services import confirm_current, mark_historical

bp = Blueprint("freshness", __name__)


def may_see_overdue(user: User) -> bool:
    return user.is_curator


@bp.post("/ervaringen/<int:experience_id>/klopt-nog")
def confirm(experience_id: int):
    experience = reviewable_or_404(experience_id, current_user)
    confirm_current(current_user, experience, _submitted_version())
    flash(_("Dank je wel. De ervaring staat als nog actueel, met de datum van vandaag."),
          "success")
    return redirect(url_for("experiences.show", experience_id=experience_id))


@bp.post("/ervaringen/<int:experience_id>/historisch")
def historical(experience_id: int):
    experience = reviewable_or_404(experience_id, current_user)
    mark_historical(current_user, experience, _submitted_version())
    flash(_("De ervaring staat nu als historisch. Hij blijft te vinden."), "success")
    return redirect(url_for("experiences.show", experience_id=experience_id))


@bp.get("/beheer/klopt-dit-nog")
@only_if(may_see_overdue)
def overdue_list():
    page = db.paginate(overdue(current_user), per_page=current_app.config["PER_PAGE"],
                       error_out=False)
    return render_template("freshness/overdue.html", page=page, author_left=author_left,
                           months=current_app.config["REVIEW_AFTER_MONTHS"])


def _submitted_version() -> int | None:
    version = request.form.get("version", "")
    return int(version) if version.isdigit() else None


@bp.app_template_global()
def review_of(experience: Experience) -> dict:
    """For the experience page: is it due, and may the reader answer?"""
    return {"due": is_due(experience, review_cutoff()),
            "may_answer": may_review(current_user, experience),
            "author_left": author_left(experience)}


@bp.app_template_global()
def overdue_reviews() -> int | None:
    """For /beheer: how many experiences wait for an answer; None for who may not see them."""
    return overdue_count(current_user) if may_see_overdue(current_user) else None
