"""Comments under an experience: write, edit and delete your own; kernteam hides."""
from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.policies import may_curate
from ..errors import InvalidInput
from ..experiences.models import Experience
from ..experiences.policies import get_visible_or_404
from ..forms import keep_input
from ..privacy.check import CONFIRM_FIELD
from .forms import CommentForm, HideCommentForm
from .models import Comment
from .policies import (
    comment_or_404,
    curated_comment_or_404,
    may_delete_comment,
    may_edit_comment,
    own_comment_or_404,
)
from .queries import comments_on
from .services import (
    add_comment,
    delete_comment,
    edit_comment,
    hide_comment,
    restore_comment,
)

bp = Blueprint("comments", __name__)


@bp.post("/ervaringen/<int:experience_id>/reacties")
def add(experience_id: int):
    experience = get_visible_or_404(experience_id, current_user)
    form = CommentForm()
    try:
        comment = add_comment(current_user, experience, form.body.data or "", _confirmed())
    except InvalidInput as error:
        keep_input(form, error)
        return render_template("comments/form.html", form=form, experience=experience,
                               comment=None, findings=error.extra.get("findings")), 422
    return _back(experience.id, comment)


@bp.route("/reacties/<int:comment_id>/bewerken", methods=["GET", "POST"])
def edit(comment_id: int):
    comment, experience = own_comment_or_404(comment_id, current_user)
    form = CommentForm(data={"body": comment.body})
    findings = None
    if form.validate_on_submit():
        try:
            edit_comment(current_user, comment, form.body.data or "", _confirmed())
        except InvalidInput as error:
            keep_input(form, error)
            findings = error.extra.get("findings")
        else:
            return _back(experience.id, comment)
    status = 422 if form.is_submitted() else 200
    return render_template("comments/form.html", form=form, experience=experience,
                           comment=comment, findings=findings), status


@bp.post("/reacties/<int:comment_id>/verwijderen")
def delete(comment_id: int):
    comment, experience = comment_or_404(comment_id, current_user)
    delete_comment(current_user, comment)
    flash(_("Je reactie is verwijderd."), "success")
    return _back(experience.id)


@bp.route("/reacties/<int:comment_id>/verbergen", methods=["GET", "POST"])
def hide(comment_id: int):
    comment, experience = curated_comment_or_404(comment_id, current_user)
    form = HideCommentForm()
    findings = None
    if form.validate_on_submit():
        try:
            hide_comment(current_user, comment, form.reason.data or "", _confirmed())
        except InvalidInput as error:
            keep_input(form, error)
            findings = error.extra.get("findings")
        else:
            flash(_("De reactie is verborgen."), "success")
            return _back(experience.id, comment)
    status = 422 if form.is_submitted() else 200
    return render_template("comments/hide.html", form=form, experience=experience,
                           comment=comment, findings=findings), status


@bp.post("/reacties/<int:comment_id>/terugzetten")
def restore(comment_id: int):
    comment, experience = comment_or_404(comment_id, current_user)
    restore_comment(current_user, comment)
    return _back(experience.id, comment)


def _confirmed() -> bool:
    return CONFIRM_FIELD in request.form


def _back(experience_id: int, comment: Comment | None = None):
    anchor = f"reactie-{comment.id}" if comment else "reacties"
    return redirect(url_for("experiences.show", experience_id=experience_id, _anchor=anchor))


@dataclass
class Discussion:
    comments: list[Comment]
    form: CommentForm
    may_hide: bool

    def may_edit(self, comment: Comment) -> bool:
        return may_edit_comment(current_user, comment)

    def may_delete(self, comment: Comment) -> bool:
        return may_delete_comment(current_user, comment)


@bp.app_template_global()
def discussion_of(experience: Experience) -> Discussion:
    return Discussion(comments_on(experience, current_user), CommentForm(),
                      may_curate(current_user))
