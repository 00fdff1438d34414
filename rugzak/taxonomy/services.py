"""Keeping the taxonomy: tags (rename, merge) and the named lists (add, edit, retire).

Tag names are in the search index, so every experience that carries a changed tag is logged for
reindexing in the same transaction. Slugs stay as they are: the API and links use them.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import delete, func, select, update

from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..auth.policies import may_keep_vocabulary, require
from ..errors import InvalidInput
from ..experiences.models import experience_tags
from ..extensions import db
from ..follows.services import tag_renamed
from ..search.changelog import EXPERIENCE, record_changes
from ..text import normalise_tag, slugify
from .kinds import EntryKind
from .models import Condition, Goal, Tag
from .policies import may_keep_list

TAG_MAX = 60
NAME_MAX = 200
DESCRIPTION_MAX = 2000


# -- tags -----------------------------------------------------------------------------------
def rename_tag(actor: User, tag: Tag, new_name: str) -> None:
    require(may_keep_vocabulary(actor))
    name = normalise_tag(new_name)
    if not name:
        raise InvalidInput({"name": _("Vul de nieuwe naam in.")})
    if len(name) > TAG_MAX:
        raise InvalidInput({"name": _("Een trefwoord mag hoogstens %(count)d tekens hebben.",
                                      count=TAG_MAX)})
    if name == tag.name:
        return
    if db.session.scalar(select(Tag).where(Tag.name == name)) is not None:
        raise InvalidInput({"name": _("Het trefwoord „%(name)s” bestaat al; voeg de twee samen.",
                                      name=name)})
    old = tag.name
    _reindex_tagged(tag.id)
    tag.name = name
    tag_renamed(old, name)
    record(Action.TAXONOMY_CHANGED, target=tag, detail=f"trefwoord hernoemd: {old} → {name}")
    db.session.commit()


def merge_tags(actor: User, source: Tag, target: Tag) -> None:
    """Every experience with `source` gets `target` instead; `source` disappears."""
    require(may_keep_vocabulary(actor))
    check_merge(source, target)
    _reindex_tagged(source.id)
    link = experience_tags.c
    has_target = select(link.experience_id).where(link.tag_id == target.id)
    db.session.execute(delete(experience_tags).where(
        link.tag_id == source.id, link.experience_id.in_(has_target)))
    db.session.execute(update(experience_tags).where(link.tag_id == source.id)
                       .values(tag_id=target.id))
    tag_renamed(source.name, target.name)
    record(Action.TAXONOMY_CHANGED, target=target,
           detail=f"trefwoord samengevoegd: {source.name} → {target.name}")
    db.session.delete(source)
    db.session.commit()


def check_merge(source: Tag, target: Tag) -> None:
    """Whether two tags can be merged; the page asks before it asks for confirmation."""
    if source.id == target.id:
        raise InvalidInput({"target": _("Kies twee verschillende trefwoorden.")})


def _reindex_tagged(tag_id: int) -> None:
    ids = db.session.scalars(select(experience_tags.c.experience_id)
                             .where(experience_tags.c.tag_id == tag_id)).all()
    record_changes(db.session, EXPERIENCE, ids)


# -- named lists ----------------------------------------------------------------------------
@dataclass
class EntryInput:
    name: str = ""
    description: str = ""
    active: bool = True


def save_entry(actor: User, kind: EntryKind, entry, data: EntryInput):
    """Add (entry None) or change an entry; retiring keeps it on old experiences."""
    require(may_keep_list(actor, kind.model))
    name, description = " ".join(data.name.split()), data.description.strip()
    _check_entry(kind, entry, name, description)
    adding = entry is None
    if adding:
        entry = kind.model(slug=slugify(name), name=name)
        if kind.model in (Goal, Condition):
            entry.position = (db.session.scalar(select(func.max(kind.model.position))) or 0) + 1
        db.session.add(entry)
    before = (entry.name, entry.active)
    entry.name, entry.active = name, data.active
    if kind.has_description:
        entry.description = description
    record(Action.TAXONOMY_CHANGED, target=entry, detail=_entry_detail(kind, entry, adding,
                                                                       before))
    db.session.commit()
    return entry


def _check_entry(kind: EntryKind, entry, name: str, description: str) -> None:
    errors = {}
    if not name:
        errors["name"] = _("Vul een naam in.")
    elif len(name) > NAME_MAX:
        errors["name"] = _("Een naam mag hoogstens %(count)d tekens hebben.", count=NAME_MAX)
    elif not slugify(name):
        errors["name"] = _("Gebruik ten minste één letter of cijfer in de naam.")
    else:
        model = kind.model
        same = func.lower(model.name) == name.lower()
        if entry is None:  # a new entry also needs a free slug
            same = same | (model.slug == slugify(name))
        else:
            same = same & (model.id != entry.id)
        if db.session.scalar(select(model).where(same)) is not None:
            errors["name"] = str(kind.duplicate)
    if len(description) > DESCRIPTION_MAX:
        errors["description"] = _("Een omschrijving mag hoogstens %(count)d tekens hebben.",
                                   count=DESCRIPTION_MAX)
    if errors:
        raise InvalidInput(errors)


def _entry_detail(kind: EntryKind, entry, adding: bool, before: tuple[str, bool]) -> str:
    if adding:
        return f"{kind.label} toegevoegd: {entry.slug}"
    changes = []
    if before[0] != entry.name:
        changes.append("naam gewijzigd")
    if before[1] != entry.active:
        changes.append("weer in gebruik" if entry.active else "niet meer aangeboden")
    return f"{kind.label} {entry.slug}: {', '.join(changes) or 'omschrijving gewijzigd'}"
