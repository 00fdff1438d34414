"""Where a confirmed finding is: what kind of text, the title of its page and a link to it."""
from __future__ import annotations

from dataclasses import dataclass

from flask import url_for
from flask_babel import lazy_gettext as _l

from ..agenda.models import AgendaItem, AgendaUpdate
from ..bundles.models import Bundle, BundleItem
from ..comments.models import Comment
from ..experiences.models import Experience
from ..extensions import db
from ..reflection.models import ReflectionNote, ReflectionQuestion, ReflectionSession
from .models import PrivacyFinding

SUBJECT_LABELS = {"experiences": _l("Ervaring"), "comments": _l("Reactie"),
                  "agenda_items": _l("Agendapunt"), "agenda_updates": _l("Voortgang"),
                  "bundles": _l("Bundel"), "bundle_items": _l("Bundel"),
                  "reflection_questions": _l("Vraag voor een reflectiesessie"),
                  "reflection_notes": _l("Notitie van een reflectiesessie")}


@dataclass
class Place:
    label: str
    title: str = ""
    url: str | None = None  # None: the text is gone


def place_of(finding: PrivacyFinding) -> Place:
    label = str(SUBJECT_LABELS.get(finding.subject_type, finding.subject_type))
    page = _PAGES.get(finding.subject_type, lambda number: None)(finding.subject_id)
    return Place(label, *page) if page else Place(label)


def _experience(number: int):
    experience = db.session.get(Experience, number)
    if experience is None:
        return None
    return experience.title, url_for("experiences.show", experience_id=number)


def _comment(number: int):
    comment = db.session.get(Comment, number)
    experience = db.session.get(Experience, comment.experience_id) if comment else None
    if experience is None:
        return None
    return experience.title, url_for("experiences.show", experience_id=experience.id,
                                     _anchor=f"reactie-{number}")


def _agenda_item(number: int):
    item = db.session.get(AgendaItem, number)
    return (item.title, url_for("agenda.show", item_id=number)) if item else None


def _agenda_update(number: int):
    update = db.session.get(AgendaUpdate, number)
    return _agenda_item(update.item_id) if update else None


def _bundle(number: int):
    bundle = db.session.get(Bundle, number)
    return (bundle.title, url_for("bundles.show", bundle_id=number)) if bundle else None


def _bundle_item(number: int):
    item = db.session.get(BundleItem, number)
    return _bundle(item.bundle_id) if item else None


def _reflection_session(number: int):
    session = db.session.get(ReflectionSession, number)
    return (session.title, url_for("reflection.show", session_id=number)) if session else None


def _reflection_part(model):
    def place(number: int):
        part = db.session.get(model, number)
        return _reflection_session(part.session_id) if part else None
    return place


_PAGES = {"experiences": _experience, "comments": _comment, "agenda_items": _agenda_item,
          "agenda_updates": _agenda_update, "bundles": _bundle, "bundle_items": _bundle_item,
          "reflection_questions": _reflection_part(ReflectionQuestion),
          "reflection_notes": _reflection_part(ReflectionNote)}
