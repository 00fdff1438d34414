"""/privacy-meldingen: confirmed findings of the resident-data check, for the kernteam; and
the page where a beheerder erases a user."""
from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..admin.policies import user_or_404
from ..auth.policies import only_if
from ..errors import InvalidInput
from ..extensions import db
from ..forms import keep_input
from .check import FIELD_LABELS, KIND_LABELS, context_parts
from .erasure import erase_user, is_erased
from .forms import EraseUserForm
from .places import place_of
from .policies import may_erase, may_review_findings
from .queries import authored_count, confirmed_findings, texts_naming

bp = Blueprint("privacy", __name__)


@bp.app_context_processor
def _form_helpers() -> dict:
    return {"finding_parts": context_parts, "finding_place": place_of,
            "privacy_kind_labels": KIND_LABELS, "privacy_field_labels": FIELD_LABELS}


@bp.get("/privacy-meldingen")
@only_if(may_review_findings)
def findings():
    page = db.paginate(confirmed_findings(current_user),
                       per_page=current_app.config["PER_PAGE"], error_out=False)
    return render_template("privacy/findings.html", page=page)


@bp.route("/beheer/gebruikers/<int:user_id>/wissen", methods=["GET", "POST"])
@only_if(may_erase)
def erase(user_id: int):
    """A beheerder erases a user's personal data, after a confirmation page."""
    user = user_or_404(user_id, current_user)
    form = EraseUserForm()
    status = 200
    if form.is_submitted():
        if form.understood.data:
            try:
                done = erase_user(current_user._get_current_object(), user,
                                  bool(form.delete_experiences.data))
            except InvalidInput as refused:
                keep_input(form, refused)
            else:
                flash(_("De gebruiker is gewist. Ervaringen behouden: %(kept)s, verwijderd: "
                        "%(deleted)s.", kept=done.experiences_kept,
                        deleted=done.experiences_deleted), "success")
                return redirect(url_for("home.index"))
        else:
            form.understood.errors = [_("Vink aan dat je begrijpt dat dit niet ongedaan kan "
                                        "worden gemaakt.")]
        status = 422
    erased = is_erased(user)
    named = None if erased else texts_naming(user.name, current_user)
    return render_template("privacy/erase.html", user=user, form=form, named=named,
                           authored=authored_count(user), erased=erased), status
