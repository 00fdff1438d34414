"""/ervaringen/<id>/geschiedenis: the versions of an experience, compared and restored."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..errors import InvalidInput, NotFound, StaleVersion
from ..experiences.labels import author_label
from ..experiences.models import Experience
from ..experiences.policies import can_edit, editable_or_404
from ..extensions import db
from .diff import changed_fields, compare
from .forms import RestoreForm
from .models import ExperienceRevision
from .policies import get_revision_or_404, may_see_history, with_history_or_404
from .services import restore_revision, revisions_of

bp = Blueprint("revisions", __name__, url_prefix="/ervaringen/<int:experience_id>/geschiedenis")


@bp.app_template_global()
def history_link(experience: Experience) -> str | None:
    """For the experience page: where its history is, when this user may see it."""
    if not may_see_history(current_user, experience):
        return None
    return url_for("revisions.history", experience_id=experience.id)


@bp.app_template_global()
def saved_by_label(revision: ExperienceRevision, experience: Experience) -> str:
    """Who saved a version, without revealing the author of an anonymous experience."""
    if revision.saved_by is None:
        return _("onbekend")
    if revision.saved_by_id == experience.author_id:
        return author_label(experience, current_user)
    return revision.saved_by.name


@bp.get("")
def history(experience_id: int):
    return _history_page(with_history_or_404(experience_id, current_user))


def _history_page(experience: Experience, problem: str | None = None, status: int = 200):
    revisions = revisions_of(experience)
    older = [*revisions[1:], None]
    changes = {r.number: changed_fields(o.snapshot if o else None, r.snapshot)
               for r, o in zip(revisions, older, strict=True)}
    return render_template("revisions/history.html", experience=experience,
                           revisions=revisions, changes=changes, problem=problem,
                           may_restore=can_edit(current_user, experience)), status


@bp.get("/vergelijken")
def compare_versions(experience_id: int):
    experience = with_history_or_404(experience_id, current_user)
    revisions = revisions_of(experience)
    if not revisions:
        raise NotFound()
    new_number = request.args.get("naar", type=int) or revisions[0].number
    old_number = request.args.get("van", type=int) or max(new_number - 1, 1)
    old = get_revision_or_404(experience, old_number)
    new = get_revision_or_404(experience, new_number)
    return render_template("revisions/compare.html", experience=experience, old=old, new=new,
                           rows=compare(old.snapshot, new.snapshot), latest=revisions[0].number,
                           may_restore=can_edit(current_user, experience))


@bp.post("/<int:number>/terugzetten")
def restore(experience_id: int, number: int):
    experience = editable_or_404(experience_id, current_user)
    revision = get_revision_or_404(experience, number)
    form = RestoreForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        restore_revision(current_user, experience, revision, form.submitted_version())
    except StaleVersion as stale:
        return _history_page(stale.current, _(
            "Iemand anders heeft deze ervaring intussen gewijzigd; er is niets teruggezet. "
            "Bekijk de nieuwste versie en kies opnieuw."), 409)
    except InvalidInput as refusal:
        db.session.rollback()
        return _history_page(experience, _(
            "Versie %(number)s kan niet worden teruggezet: %(reasons)s", number=number,
            reasons=" ".join(refusal.errors.values())), 422)
    flash(_("Versie %(number)s is teruggezet als nieuwe versie.", number=number), "success")
    return redirect(url_for("experiences.show", experience_id=experience_id))
