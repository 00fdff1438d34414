"""Keeping the taxonomy: tags (rename, merge) and the named lists (add, edit, retire).

Tag names are in the search index, so every experience that carries a changed tag is logged for
reindexing in the same transaction. Slugs stay as they are: the API and links use them.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, select, update

from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..experiences.models import Experience, Status, experience_tags
from ..experiences.policies import visible_clause
from ..extensions import db
from ..search.changelog import EXPERIENCE, record_changes
from ..text import normalise_tag, slugify
from .models import Condition, Department, Goal, Partner, Tag

TAG_MAX = 60
NAME_MAX = 200
DESCRIPTION_MAX = 2000


class TaxonomyError(Exception):
    """Dutch messages by field name."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(errors)
        self.errors = errors


@dataclass(frozen=True)
class EntryKind:
    """One of the named lists an administrator or the core team keeps."""

    key: str  # the URL segment
    model: type
    label: str  # singular, for the audit log
    title: str  # plural, for page titles
    has_description: bool
    duplicate: str  # the message for a name already in use


KINDS = {kind.key: kind for kind in (
    EntryKind("doelen", Goal, "transformatiedoel", _l("Transformatiedoelen"), True,
              _l("Er is al een transformatiedoel met deze naam.")),
    EntryKind("randvoorwaarden", Condition, "randvoorwaarde", _l("Randvoorwaarden"), True,
              _l("Er is al een randvoorwaarde met deze naam.")),
    EntryKind("afdelingen", Department, "afdeling", _l("Afdelingen"), False,
              _l("Er is al een afdeling met deze naam.")),
    EntryKind("partners", Partner, "partnerorganisatie", _l("Partnerorganisaties"), False,
              _l("Er is al een partnerorganisatie met deze naam.")),
)}


# -- tags -----------------------------------------------------------------------------------
def tags_with_counts(user: User) -> list[tuple[Tag, int]]:
    """Tags on at least one published experience the user may see, with that number."""
    count = func.count(Experience.id)
    return [(tag, number) for tag, number in db.session.execute(
        select(Tag, count).join(experience_tags, experience_tags.c.tag_id == Tag.id)
        .join(Experience, Experience.id == experience_tags.c.experience_id)
        .where(visible_clause(user), Experience.status == Status.GEPUBLICEERD)
        .group_by(Tag.id).order_by(Tag.name))]


def rename_tag(tag: Tag, new_name: str) -> None:
    name = normalise_tag(new_name)
    if not name:
        raise TaxonomyError({"name": _("Vul de nieuwe naam in.")})
    if len(name) > TAG_MAX:
        raise TaxonomyError({"name": _("Een trefwoord mag hoogstens %(count)d tekens hebben.",
                                       count=TAG_MAX)})
    if name == tag.name:
        return
    if db.session.scalar(select(Tag).where(Tag.name == name)) is not None:
        raise TaxonomyError({"name": _("Het trefwoord „%(name)s” bestaat al; voeg de twee samen.",
                                       name=name)})
    old = tag.name
    _reindex_tagged(tag.id)
    tag.name = name
    record(Action.TAXONOMY_CHANGED, target=tag, detail=f"trefwoord hernoemd: {old} → {name}")
    db.session.commit()


def merge_tags(source: Tag, target: Tag) -> None:
    """Every experience with `source` gets `target` instead; `source` disappears."""
    if source.id == target.id:
        raise TaxonomyError({"target": _("Kies twee verschillende trefwoorden.")})
    _reindex_tagged(source.id)
    link = experience_tags.c
    has_target = select(link.experience_id).where(link.tag_id == target.id)
    db.session.execute(delete(experience_tags).where(
        link.tag_id == source.id, link.experience_id.in_(has_target)))
    db.session.execute(update(experience_tags).where(link.tag_id == source.id)
                       .values(tag_id=target.id))
    record(Action.TAXONOMY_CHANGED, target=target,
           detail=f"trefwoord samengevoegd: {source.name} → {target.name}")
    db.session.delete(source)
    db.session.commit()


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


def save_entry(kind: EntryKind, entry, data: EntryInput):
    """Add (entry None) or change an entry; retiring keeps it on old experiences."""
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
        raise TaxonomyError(errors)


def _entry_detail(kind: EntryKind, entry, adding: bool, before: tuple[str, bool]) -> str:
    if adding:
        return f"{kind.label} toegevoegd: {entry.slug}"
    changes = []
    if before[0] != entry.name:
        changes.append("naam gewijzigd")
    if before[1] != entry.active:
        changes.append("weer in gebruik" if entry.active else "niet meer aangeboden")
    return f"{kind.label} {entry.slug}: {', '.join(changes) or 'omschrijving gewijzigd'}"
