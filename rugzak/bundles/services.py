"""Keeping bundles: the core team creates, fills, orders and annotates them.

Every use case checks `may_curate` itself, so the demo loader and the CLI follow the same rule.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _

from ..auth.models import User
from ..auth.policies import may_curate, require
from ..errors import InvalidInput
from ..experiences.models import Experience, Visibility
from ..extensions import db
from ..notifications.services import added_to_bundle
from ..open.services import follow_bundle_change
from ..privacy.findings import screen, store_confirmed
from ..privacy.scanner import Finding
from ..timeutil import utcnow
from .models import Bundle, BundleItem

TITLE_MAX = 200
INTRO_MAX = 10_000
NOTE_MAX = 1000


@dataclass
class BundleInput:
    title: str = ""
    intro: str = ""
    visibility: str = Visibility.INTERN
    confirm_privacy: bool = False  # "these are not residents' data" (rugzak/privacy/check.py)


def create_bundle(actor: User, data: BundleInput) -> Bundle:
    require(may_curate(actor))
    bundle = Bundle(created_by=actor)
    findings = _apply(bundle, data)
    db.session.add(bundle)
    store_confirmed(bundle, findings, actor)
    db.session.commit()
    return bundle


def update_bundle(actor: User, bundle: Bundle, data: BundleInput) -> None:
    require(may_curate(actor))
    store_confirmed(bundle, _apply(bundle, data), actor)
    follow_bundle_change(bundle)
    db.session.commit()


def add_item(actor: User, bundle: Bundle | None, experience: Experience,
             note: str, confirmed: bool = False) -> BundleItem:
    """Add `experience` at the end of `bundle` (None: no bundle was chosen); `confirmed`: the
    resident-data findings in the note are confirmed (rugzak/privacy/check.py)."""
    require(may_curate(actor))
    if bundle is None:
        raise InvalidInput({"bundle": _("Kies een bundel.")})
    if not experience.is_published or experience.is_hidden:
        raise InvalidInput({"bundle": _("Alleen een gepubliceerde, niet verborgen ervaring kan "
                                        "in een bundel.")})
    if any(item.experience_id == experience.id for item in bundle.items):
        raise InvalidInput({"bundle": _("Deze ervaring staat al in de bundel „%(title)s”.",
                                        title=bundle.title)})
    note = _note(note)
    findings = screen({"note": note}, confirmed)
    position = max((item.position for item in bundle.items), default=0) + 1
    item = BundleItem(experience=experience, position=position, note=note)
    bundle.items.append(item)
    bundle.updated_at = utcnow()
    store_confirmed(item, findings, actor, experience.id)
    added_to_bundle(actor, bundle, experience)
    db.session.commit()
    return item


def change_note(actor: User, item: BundleItem, note: str, confirmed: bool = False) -> None:
    require(may_curate(actor))
    note = _note(note)
    findings = screen({"note": note}, confirmed, item)
    item.note = note
    item.bundle.updated_at = utcnow()
    store_confirmed(item, findings, actor, item.experience_id)
    db.session.commit()


def move_item(actor: User, item: BundleItem, step: int) -> None:
    """Swap with the neighbour above (step -1) or below (+1); at an end nothing moves."""
    require(may_curate(actor))
    items = _renumbered(item.bundle)
    index = items.index(item)
    other = index + step
    if 0 <= other < len(items):
        item.position, items[other].position = items[other].position, item.position
    item.bundle.updated_at = utcnow()
    db.session.commit()


def remove_item(actor: User, item: BundleItem) -> None:
    require(may_curate(actor))
    bundle = item.bundle
    bundle.items.remove(item)
    bundle.updated_at = utcnow()
    db.session.commit()


def _renumbered(bundle: Bundle) -> list[BundleItem]:
    items = sorted(bundle.items, key=lambda item: (item.position, item.id))
    for number, item in enumerate(items, start=1):
        item.position = number
    return items


def _apply(bundle: Bundle, data: BundleInput) -> list[Finding]:
    """Check `data` and change `bundle`; the confirmed resident-data findings, to be stored."""
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
        raise InvalidInput(errors)
    findings = screen({"title": title, "intro": intro}, data.confirm_privacy, bundle)
    bundle.title, bundle.intro, bundle.visibility = title, intro, data.visibility
    bundle.updated_at = utcnow()
    return findings


def _note(note: str) -> str:
    note = note.strip()
    if len(note) > NOTE_MAX:
        raise InvalidInput({"note": _("Een notitie mag hoogstens %(count)d tekens hebben.",
                                      count=NOTE_MAX)})
    return note
