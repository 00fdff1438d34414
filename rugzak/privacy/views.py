"""/privacy-meldingen: confirmed findings of the resident-data check, for the kernteam."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from ..auth.models import User
from ..auth.policies import only_if
from ..experiences.models import Experience
from ..experiences.policies import visible_clause
from ..extensions import db
from .check import FIELD_LABELS, KIND_LABELS, context_parts
from .erasure import ErasureRefused, erase_user, is_erased
from .forms import EraseUserForm
from .models import PrivacyFinding
from .policies import may_erase, may_review_findings

bp = Blueprint("privacy", __name__)


@bp.app_context_processor
def _form_helpers() -> dict:
    return {"finding_parts": context_parts,
            "privacy_kind_labels": KIND_LABELS, "privacy_field_labels": FIELD_LABELS}


@bp.get("/privacy-meldingen")
@only_if(may_review_findings)
def findings():
    query = (select(PrivacyFinding).join(PrivacyFinding.experience)
             .where(visible_clause(current_user))
             .options(joinedload(PrivacyFinding.experience),
                      joinedload(PrivacyFinding.confirmed_by))
             .order_by(PrivacyFinding.confirmed_at.desc(), PrivacyFinding.id.desc()))
    page = db.paginate(query, per_page=current_app.config["PER_PAGE"], error_out=False)
    return render_template("privacy/findings.html", page=page)


@bp.route("/beheer/gebruikers/<int:user_id>/wissen", methods=["GET", "POST"])
@only_if(may_erase)
def erase(user_id: int):
    """A beheerder erases a user's personal data, after a confirmation page."""
    user = db.session.get(User, user_id) or abort(404)
    form = EraseUserForm()
    status = 200
    if form.is_submitted():
        if form.understood.data:
            try:
                done = erase_user(user, bool(form.delete_experiences.data),
                                  actor=current_user._get_current_object())
            except ErasureRefused as refused:
                form.understood.errors = [str(refused)]
            else:
                flash(_("De gebruiker is gewist. Ervaringen behouden: %(kept)s, verwijderd: "
                        "%(deleted)s.", kept=done.experiences_kept,
                        deleted=done.experiences_deleted), "success")
                return redirect(url_for("home.index"))
        else:
            form.understood.errors = [_("Vink aan dat je begrijpt dat dit niet ongedaan kan "
                                        "worden gemaakt.")]
        status = 422
    authored = db.session.scalar(select(func.count()).select_from(Experience)
                                 .where(Experience.author_id == user.id))
    return render_template("privacy/erase.html", user=user, form=form, authored=authored,
                           erased=is_erased(user)), status
