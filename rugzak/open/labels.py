"""What the world sees of an experience or bundle: one description, used by the preview, the
open pages, the open API and the feed. Never the author's name, comments, recognitions,
highlight notes, hide reasons or bundle notes."""
from __future__ import annotations

from flask import current_app
from flask_babel import format_date
from flask_babel import gettext as _

from ..bundles.models import Bundle
from ..experiences.labels import EFFECT_LABELS, KIND_LABELS
from ..experiences.models import TEXT_SECTIONS, Experience
from ..urls import external_url
from .models import OpenBundle, OpenExperience
from .policies import shown_items


def municipality() -> str:
    """Its name as the world reads it; set MUNICIPALITY before sharing openly."""
    return current_app.config["MUNICIPALITY"] or _("de gemeente")


def licence() -> dict[str, str]:
    return {"name": current_app.config["OPEN_LICENCE"],
            "url": current_app.config["OPEN_LICENCE_URL"]}


def public_author(experience: Experience) -> str:
    """"een medewerker van <afdeling>, <gemeente>": the author's organisation, never a name."""
    organisation = experience.author.organisation
    if organisation is None:
        return _("een medewerker van %(municipality)s", municipality=municipality())
    return _("een medewerker van %(organisation)s, %(municipality)s",
             organisation=organisation.name, municipality=municipality())


def world_view(experience: Experience, shared: OpenExperience | None = None) -> dict:
    """The experience as the world reads it; `shared` adds its open id, dates and address
    (a preview before the first publication has none)."""
    occurred = experience.occurred_on
    view = {name: getattr(experience, name) for name in ("title", *TEXT_SECTIONS)}
    view |= {
        "kind": experience.kind, "kind_label": str(KIND_LABELS[experience.kind]),
        "occurred_in": occurred.strftime("%Y-%m") if occurred else None,
        "occurred_label": format_date(occurred, "MMMM y") if occurred else None,
        "departments": [d.name for d in experience.departments],
        "conditions": [{"name": link.condition.name, "effect": link.effect,
                        "effect_label": str(EFFECT_LABELS[link.effect])}
                       for link in experience.conditions],
        "goals": [goal.name for goal in experience.goals],
        "tags": [tag.name for tag in experience.tags],
        "author": public_author(experience), "municipality": municipality(),
        "licence": licence()["name"],
        "id": None, "url": None, "published_at": None, "updated_at": None,
    }
    if shared is not None and shared.id is not None:
        view |= {"id": shared.id, "url": external_url("open.item", open_id=shared.id),
                 "published_at": shared.published_at, "updated_at": shared.updated_at}
    return view


def tombstone(shared: OpenExperience | OpenBundle) -> dict:
    """A publication the world may no longer read: its id and when it was withdrawn."""
    return {"id": shared.id, "withdrawn_at": shared.withdrawn_at or shared.updated_at}


def bundle_view(bundle: Bundle, shared: OpenBundle | None = None) -> dict:
    items = shown_items(bundle)
    view = {"title": bundle.title, "intro": bundle.intro, "municipality": municipality(),
            "licence": licence()["name"],
            "items": [{"id": item.id, "title": item.experience.title,
                       "url": external_url("open.item", open_id=item.id)} for item in items],
            "id": None, "url": None, "published_at": None, "updated_at": None}
    if shared is not None and shared.id is not None:
        view |= {"id": shared.id, "url": external_url("open.bundle", open_id=shared.id),
                 "published_at": shared.published_at, "updated_at": shared.updated_at}
    return view
