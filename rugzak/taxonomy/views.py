"""/beheer/taxonomie: tags with counts (rename, merge) and the named lists (add, edit, retire).

Tags and goals are kept by the core team and the administrator; conditions, departments and
partner organisations by the administrator.
"""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..auth.policies import may_keep_vocabulary, only_if, require
from ..extensions import db
from ..forms import attach_errors
from .forms import EntryForm, MergeTagsForm, TagNameForm
from .models import Tag
from .policies import may_keep_list
from .services import (
    KINDS,
    EntryInput,
    EntryKind,
    TaxonomyError,
    merge_tags,
    rename_tag,
    save_entry,
    tags_with_counts,
)

bp = Blueprint("taxonomy", __name__, url_prefix="/beheer")


@bp.get("/taxonomie")
@only_if(may_keep_vocabulary)
def index():
    kinds = [kind for kind in KINDS.values() if may_keep_list(current_user, kind.model)]
    return render_template("taxonomy/index.html", kinds=kinds)


@bp.route("/trefwoorden", methods=["GET", "POST"])
@only_if(may_keep_vocabulary)
def tags():
    """The list, and the merge form (POST)."""
    tags = tags_with_counts(current_user)
    form = MergeTagsForm()
    choices = [("", _("Kies een trefwoord"))] + [(str(tag.id), tag.name) for tag, _n in tags]
    form.source.choices = form.target.choices = choices
    if form.validate_on_submit():
        visible = {str(tag.id): tag for tag, _n in tags}
        source, target = visible.get(form.source.data), visible.get(form.target.data)
        try:
            if source is None or target is None:
                raise TaxonomyError({"source" if source is None else "target":
                                     _("Kies een trefwoord.")})
            merge_tags(source, target)
        except TaxonomyError as error:
            db.session.rollback()
            attach_errors(form, error.errors)
        else:
            flash(_("„%(source)s” is samengevoegd met „%(target)s”.", source=source.name,
                    target=target.name), "success")
            return redirect(url_for(".tags"))
    status = 422 if form.is_submitted() else 200
    return render_template("taxonomy/tags.html", tags=tags, form=form), status


@bp.route("/trefwoorden/<int:tag_id>", methods=["GET", "POST"])
@only_if(may_keep_vocabulary)
def tag_rename(tag_id: int):
    tag = _visible_tag(tag_id)
    form = TagNameForm(data={"name": tag.name})
    if form.validate_on_submit():
        old = tag.name
        try:
            rename_tag(tag, form.name.data or "")
        except TaxonomyError as error:
            db.session.rollback()
            attach_errors(form, error.errors)
        else:
            flash(_("„%(old)s” heet nu „%(new)s”.", old=old, new=tag.name), "success")
            return redirect(url_for(".tags"))
    status = 422 if form.is_submitted() else 200
    return render_template("taxonomy/tag_rename.html", tag=tag, form=form), status


@bp.get("/<any(doelen, randvoorwaarden, afdelingen, partners):key>")
def entries(key: str):
    kind = _kind(key)
    rows = db.session.scalars(select(kind.model).order_by(
        *([kind.model.position] if kind.has_description else []), kind.model.name)).all()
    return render_template("taxonomy/entries.html", kind=kind, rows=rows)


@bp.route("/<any(doelen, randvoorwaarden, afdelingen, partners):key>/nieuw",
          methods=["GET", "POST"])
def entry_new(key: str):
    return _entry_form(_kind(key), None)


@bp.route("/<any(doelen, randvoorwaarden, afdelingen, partners):key>/<int:entry_id>",
          methods=["GET", "POST"])
def entry_edit(key: str, entry_id: int):
    kind = _kind(key)
    entry = db.session.get(kind.model, entry_id)
    if entry is None:
        abort(404)
    return _entry_form(kind, entry)


def _entry_form(kind: EntryKind, entry):
    form = EntryForm(obj=entry)
    if form.validate_on_submit():
        data = EntryInput(form.name.data or "", form.description.data or "",
                          bool(form.active.data))
        try:
            saved = save_entry(kind, entry, data)
        except TaxonomyError as error:
            db.session.rollback()
            attach_errors(form, error.errors)
        else:
            flash(_("„%(name)s” is bewaard.", name=saved.name), "success")
            return redirect(url_for(".entries", key=kind.key))
    status = 422 if form.is_submitted() else 200
    return render_template("taxonomy/entry_form.html", kind=kind, entry=entry, form=form), status


def _kind(key: str) -> EntryKind:
    kind = KINDS[key]
    require(may_keep_list(current_user, kind.model))
    return kind


def _visible_tag(tag_id: int) -> Tag:
    """Only a tag the user sees on an experience: a tag used only in others' drafts stays 404."""
    for tag, _count in tags_with_counts(current_user):
        if tag.id == tag_id:
            return tag
    abort(404)


@bp.app_template_global()
def may_keep_taxonomy() -> bool:
    return may_keep_vocabulary(current_user)
