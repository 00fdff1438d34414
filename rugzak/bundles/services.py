"""Reading and keeping bundles. A reader never sees an item they may not see, nor its count."""
from __future__ import annotations

from dataclasses import dataclass

from flask import abort
from flask_babel import gettext as _
from sqlalchemy import Select, func, select

from ..auth.models import User
from ..experiences.models import Experience, Visibility
from ..experiences.policies import can_view, visible_clause
from ..extensions import db
from ..timeutil import utcnow
from .models import Bundle, BundleItem

TITLE_MAX = 200
INTRO_MAX = 10_000
NOTE_MAX = 1000


class BundleError(Exception):
    """Dutch messages by field name."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(errors)
        self.errors = errors


@dataclass
class BundleInput:
    title: str = ""
    intro: str = ""
    visibility: str = Visibility.INTERN


# -- reading -------------------------------------------------------------------------------
def readable_bundles(user: User) -> Select:
    query = select(Bundle).order_by(Bundle.updated_at.desc(), Bundle.id.desc())
    if user.is_partner:
        query = query.where(Bundle.visibility == Visibility.MET_PARTNERS)
    return query


def may_read(user: User, bundle: Bundle) -> bool:
    return not user.is_partner or bundle.visibility == Visibility.MET_PARTNERS


def get_readable_or_404(bundle_id: int, user: User) -> Bundle:
    bundle = db.session.get(Bundle, bundle_id)
    if bundle is None or not may_read(user, bundle):
        abort(404)
    return bundle


def get_item_or_404(bundle: Bundle, item_id: int, user: User) -> BundleItem:
    """An item of this bundle whose experience the user may see."""
    item = db.session.get(BundleItem, item_id)
    if item is None or item.bundle_id != bundle.id or not can_view(user, item.experience):
        abort(404)
    return item


def visible_items(bundle: Bundle, user: User) -> list[BundleItem]:
    return [item for item in bundle.items if can_view(user, item.experience)]


def visible_counts(bundles: list[Bundle], user: User) -> dict[int, int]:
    """Per bundle, the number of items this user may see."""
    ids = [bundle.id for bundle in bundles]
    rows = db.session.execute(
        select(BundleItem.bundle_id, func.count()).join(Experience)
        .where(BundleItem.bundle_id.in_(ids), visible_clause(user))
        .group_by(BundleItem.bundle_id)).all() if ids else []
    return {bundle.id: 0 for bundle in bundles} | dict(rows)


# -- keeping -------------------------------------------------------------------------------
def create_bundle(user: User, data: BundleInput) -> Bundle:
    bundle = Bundle(created_by=user)
    _apply(bundle, data)
    db.session.add(bundle)
    db.session.commit()
    return bundle


def update_bundle(bundle: Bundle, data: BundleInput) -> None:
    _apply(bundle, data)
    db.session.commit()


def add_item(bundle: Bundle, experience: Experience, note: str) -> BundleItem:
    if not experience.is_published or experience.is_hidden:
        raise BundleError({"bundle": _("Alleen een gepubliceerde, niet verborgen ervaring kan "
                                       "in een bundel.")})
    if any(item.experience_id == experience.id for item in bundle.items):
        raise BundleError({"bundle": _("Deze ervaring staat al in de bundel „%(title)s”.",
                                       title=bundle.title)})
    position = max((item.position for item in bundle.items), default=0) + 1
    item = BundleItem(experience=experience, position=position, note=_note(note))
    bundle.items.append(item)
    bundle.updated_at = utcnow()
    db.session.commit()
    return item


def change_note(item: BundleItem, note: str) -> None:
    item.note = _note(note)
    item.bundle.updated_at = utcnow()
    db.session.commit()


def move_item(item: BundleItem, step: int) -> None:
    """Swap with the neighbour above (step -1) or below (+1); at an end nothing moves."""
    items = _renumbered(item.bundle)
    index = items.index(item)
    other = index + step
    if 0 <= other < len(items):
        item.position, items[other].position = items[other].position, item.position
    item.bundle.updated_at = utcnow()
    db.session.commit()


def remove_item(item: BundleItem) -> None:
    bundle = item.bundle
    bundle.items.remove(item)
    bundle.updated_at = utcnow()
    db.session.commit()


def _renumbered(bundle: Bundle) -> list[BundleItem]:
    items = sorted(bundle.items, key=lambda item: (item.position, item.id))
    for number, item in enumerate(items, start=1):
        item.position = number
    return items


def _apply(bundle: Bundle, data: BundleInput) -> None:
    errors = {}
    title, intro = data.title.strip(), data.intro.strip()
    if not title:
        errors["title"] = _("Geef de bundel een titel.")
    elif len(title) > TITLE_MAX:
        errors["title"] = _("De titel mag hoogstens %(count)d tekens hebben.", count=TITLE_MAX)
    if len(intro) > INTRO_MAX:
        errors["intro"] = _("De inleiding mag hoogstens %(count)d tekens hebben.",
                            count=INTRO_MAX)
    if data.visibility not in set(Visibility):
        errors["visibility"] = _("Kies of de bundel intern blijft of met partners gedeeld "
                                 "wordt.")
    if errors:
        raise BundleError(errors)
    bundle.title, bundle.intro, bundle.visibility = title, intro, data.visibility
    bundle.updated_at = utcnow()


def _note(note: str) -> str:
    note = note.strip()
    if len(note) > NOTE_MAX:
        raise BundleError({"note": _("Een notitie mag hoogstens %(count)d tekens hebben.",
                                     count=NOTE_MAX)})
    return note
