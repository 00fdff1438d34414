"""/beheer/taxonomie: tags with counts (rename, merge) and the named lists (add, edit, retire).

Tags and goals are kept by the core team and the administrator; conditions, departments and
partner organisations by the administrator.
"""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.policies import may_keep_vocabulary, only_if
from ..errors import InvalidInput
from ..forms import keep_input
from .forms import EntryForm, MergeTagsForm, TagNameForm
from .kinds import KINDS, EntryKind
from .models import Tag
from .policies import kept_entry_or_404, kept_kind, kept_tag_or_404, may_keep_list
from .queries import entries_of, tags_with_counts
from .services import EntryInput, check_merge, merge_tags, rename_tag, save_entry

bp = Blueprint("taxonomy", __name__, url_prefix="/beheer")
LIST_KEYS = "<any(doelen, randvoorwaarden, afdelingen, partners):key>"


@bp.get("/taxonomie")
@only_if(may_keep_vocabulary)
def index():
    kinds = [kind for kind in KINDS.values() if may_keep_list(current_user, kind.model)]
    return render_template("taxonomy/index.html", kinds=kinds)


@bp.route("/trefwoorden", methods=["GET", "POST"])
@only_if(may_keep_vocabulary)
def tags():
    """The list, and the merge form (POST), which asks for confirmation first."""
    tags = tags_with_counts(current_user)
    form = MergeTagsForm()
    choices = [("", _("Kies een trefwoord"))] + [(str(tag.id), tag.name) for tag, _n in tags]
    form.source.choices = form.target.choices = choices
    if form.validate_on_submit():
        visible = {str(tag.id): tag for tag, _n in tags}
        try:
            source, target = _chosen(form.source, visible), _chosen(form.target, visible)
            if not form.confirmed.data:
                check_merge(source, target)
                return render_template("taxonomy/tag_merge.html", form=form, source=source,
                                       target=target, count=dict(tags)[source])
            merge_tags(current_user, source, target)
        except InvalidInput as error:
            keep_input(form, error)
        else:
            flash(_("„%(source)s” is samengevoegd met „%(target)s”.", source=source.name,
                    target=target.name), "success")
            return redirect(url_for(".tags"))
    status = 422 if form.is_submitted() else 200
    return render_template("taxonomy/tags.html", tags=tags, form=form), status


def _chosen(field, visible: dict[str, Tag]) -> Tag:
    if field.data not in visible:
        raise InvalidInput({field.name: _("Kies een trefwoord.")})
    return visible[field.data]


@bp.route("/trefwoorden/<int:tag_id>", methods=["GET", "POST"])
def tag_rename(tag_id: int):
    tag = kept_tag_or_404(tag_id, current_user)
    form = TagNameForm(data={"name": tag.name})
    if form.validate_on_submit():
        old = tag.name
        try:
            rename_tag(current_user, tag, form.name.data or "")
        except InvalidInput as error:
            keep_input(form, error)
        else:
            flash(_("„%(old)s” heet nu „%(new)s”.", old=old, new=tag.name), "success")
            return redirect(url_for(".tags"))
    status = 422 if form.is_submitted() else 200
    return render_template("taxonomy/tag_rename.html", tag=tag, form=form), status


@bp.get(f"/{LIST_KEYS}")
def entries(key: str):
    kind = kept_kind(key, current_user)
    return render_template("taxonomy/entries.html", kind=kind, rows=entries_of(kind))


@bp.route(f"/{LIST_KEYS}/nieuw", methods=["GET", "POST"])
def entry_new(key: str):
    return _entry_form(kept_kind(key, current_user), None)


@bp.route(f"/{LIST_KEYS}/<int:entry_id>", methods=["GET", "POST"])
def entry_edit(key: str, entry_id: int):
    return _entry_form(*kept_entry_or_404(key, current_user, id=entry_id))


def _entry_form(kind: EntryKind, entry):
    form = EntryForm(obj=entry)
    if form.validate_on_submit():
        data = EntryInput(form.name.data or "", form.description.data or "",
                          bool(form.active.data))
        try:
            saved = save_entry(current_user, kind, entry, data)
        except InvalidInput as error:
            keep_input(form, error)
        else:
            flash(_("„%(name)s” is bewaard.", name=saved.name), "success")
            return redirect(url_for(".entries", key=kind.key))
    status = 422 if form.is_submitted() else 200
    return render_template("taxonomy/entry_form.html", kind=kind, entry=entry, form=form), status


@bp.app_template_global()
def may_keep_taxonomy() -> bool:
    return may_keep_vocabulary(current_user)
