"""Comments under an experience: write, edit and delete your own; kernteam hides."""
from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.policies import may_curate, require
from ..experiences.models import Experience
from ..experiences.policies import get_visible_or_404
from .forms import CommentForm, HideCommentForm
from .models import Comment
from .services import (
    CommentRefused,
    add_comment,
    comments_on,
    delete_comment,
    edit_comment,
    get_visible_or_404_with_experience,
    hide_comment,
    restore_comment,
)

bp = Blueprint("comments", __name__)


@bp.post("/ervaringen/<int:experience_id>/reacties")
def add(experience_id: int):
    experience = get_visible_or_404(experience_id, current_user)
    form = CommentForm()
    try:
        comment = add_comment(current_user, experience, form.body.data or "")
    except CommentRefused as refusal:
        form.body.errors = [refusal.message]
        return render_template("comments/form.html", form=form, experience=experience,
                               comment=None), 422
    return _back(experience.id, comment)


@bp.route("/reacties/<int:comment_id>/bewerken", methods=["GET", "POST"])
def edit(comment_id: int):
    comment, experience = _visible(comment_id)
    require(comment.author_id == current_user.id and not comment.is_hidden)
    form = CommentForm(data={"body": comment.body})
    if form.validate_on_submit():
        try:
            edit_comment(comment, form.body.data or "")
        except CommentRefused as refusal:
            form.body.errors = [refusal.message]
        else:
            return _back(experience.id, comment)
    status = 422 if form.is_submitted() else 200
    return render_template("comments/form.html", form=form, experience=experience,
                           comment=comment), status


@bp.post("/reacties/<int:comment_id>/verwijderen")
def delete(comment_id: int):
    comment, experience = _visible(comment_id)
    require(comment.author_id == current_user.id)
    delete_comment(comment)
    flash(_("Je reactie is verwijderd."), "success")
    return _back(experience.id)


@bp.route("/reacties/<int:comment_id>/verbergen", methods=["GET", "POST"])
def hide(comment_id: int):
    comment, experience = _visible(comment_id)
    require(may_curate(current_user))
    form = HideCommentForm()
    if form.validate_on_submit():
        try:
            hide_comment(comment, form.reason.data or "")
        except CommentRefused as refusal:
            form.reason.errors = [refusal.message]
        else:
            flash(_("De reactie is verborgen."), "success")
            return _back(experience.id, comment)
    status = 422 if form.is_submitted() else 200
    return render_template("comments/hide.html", form=form, experience=experience,
                           comment=comment), status


@bp.post("/reacties/<int:comment_id>/terugzetten")
def restore(comment_id: int):
    comment, experience = _visible(comment_id)
    require(may_curate(current_user))
    restore_comment(comment)
    return _back(experience.id, comment)


def _visible(comment_id: int) -> tuple[Comment, Experience]:
    return get_visible_or_404_with_experience(comment_id, current_user)


def _back(experience_id: int, comment: Comment | None = None):
    anchor = f"reactie-{comment.id}" if comment else "reacties"
    return redirect(url_for("experiences.show", experience_id=experience_id, _anchor=anchor))


@dataclass
class Discussion:
    comments: list[Comment]
    form: CommentForm
    may_hide: bool


@bp.app_template_global()
def discussion_of(experience: Experience) -> Discussion:
    return Discussion(comments_on(experience, current_user), CommentForm(),
                      may_curate(current_user))
