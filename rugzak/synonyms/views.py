"""/beheer/synoniemen: the synonym groups search applies, kept by the core team."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.policies import only_if
from ..errors import InvalidInput
from ..forms import keep_input
from .forms import SynonymGroupForm
from .policies import kept_group_or_404, may_keep_synonyms
from .queries import synonym_groups
from .services import delete_group, save_group

bp = Blueprint("synonyms", __name__, url_prefix="/beheer/synoniemen")


@bp.route("", methods=["GET", "POST"])
@only_if(may_keep_synonyms)
def index():
    """The list and the form to add a group; `?woord=` fills in a word (from the zero-hit
    searches in /inzicht)."""
    form = SynonymGroupForm()
    if not form.is_submitted() and request.args.get("woord", "").strip():
        form.members.data = f"{request.args['woord'].strip()[:200]}, "
    if form.validate_on_submit():
        try:
            group = save_group(current_user, None, form.typed_members())
        except InvalidInput as error:
            keep_input(form, error)
        else:
            flash(_("Synoniemen toegevoegd: %(terms)s.", terms=", ".join(group.members)),
                  "success")
            return redirect(url_for(".index"))
    status = 422 if form.is_submitted() else 200
    return render_template("synonyms/index.html", groups=synonym_groups(), form=form), status


@bp.route("/<int:group_id>", methods=["GET", "POST"])
def edit(group_id: int):
    group = kept_group_or_404(group_id, current_user)
    form = SynonymGroupForm(data={"members": ", ".join(group.members)})
    if form.validate_on_submit():
        try:
            save_group(current_user, group, form.typed_members())
        except InvalidInput as error:
            keep_input(form, error)
        else:
            flash(_("Synoniemen bewaard: %(terms)s.", terms=", ".join(group.members)),
                  "success")
            return redirect(url_for(".index"))
    status = 422 if form.is_submitted() else 200
    return render_template("synonyms/edit.html", group=group, form=form), status


@bp.post("/<int:group_id>/verwijderen")
def delete(group_id: int):
    """The CSRF token is checked for every POST (CSRFProtect)."""
    group = kept_group_or_404(group_id, current_user)
    terms = ", ".join(group.members)
    delete_group(current_user, group)
    flash(_("Synoniemen verwijderd: %(terms)s.", terms=terms), "success")
    return redirect(url_for(".index"))


@bp.app_template_global("may_keep_synonyms")
def may_keep_synonyms_here() -> bool:
    return may_keep_synonyms(current_user)
