"""How a follow is named and where it leads, in the reader's language and with their rights."""
from __future__ import annotations

from dataclasses import dataclass

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..auth.models import User
from ..bundles.models import Bundle
from ..bundles.policies import may_read
from ..experiences.labels import EFFECT_LABELS
from ..experiences.models import Experience
from ..experiences.policies import can_view
from ..extensions import db
from ..search.saved import search_params
from ..taxonomy.models import Condition, Department, Goal, Partner
from .models import Follow, FollowKind

KIND_LABELS = {
    FollowKind.TAG: _l("Trefwoord"), FollowKind.CONDITION: _l("Randvoorwaarde"),
    FollowKind.GOAL: _l("Transformatiedoel"), FollowKind.DEPARTMENT: _l("Afdeling"),
    FollowKind.PARTNER: _l("Partnerorganisatie"), FollowKind.BUNDLE: _l("Bundel"),
    FollowKind.AUTHOR: _l("Ervaringen van"), FollowKind.EXPERIENCE: _l("Ervaring"),
    FollowKind.SEARCH: _l("Zoekopdracht"),
}
NAMED = {FollowKind.GOAL: Goal, FollowKind.DEPARTMENT: Department,
         FollowKind.PARTNER: Partner, FollowKind.CONDITION: Condition}
LIST_FILTERS = {FollowKind.GOAL: "goal", FollowKind.DEPARTMENT: "department",
                FollowKind.CONDITION: "condition"}


@dataclass
class FollowLabel:
    kind: str
    name: str
    url: str | None


def follow_label(follow: Follow, reader: User) -> FollowLabel:
    name, url = _DESCRIBE.get(follow.kind, _named)(follow, reader)
    return FollowLabel(str(KIND_LABELS[follow.kind]), name, url)


def _named(follow: Follow, reader: User) -> tuple[str, str | None]:
    slug, _sep, effect = follow.target.partition(":")
    model = NAMED[follow.kind]
    name = db.session.scalar(select(model.name).where(model.slug == slug)) or slug
    if effect:
        name = f"{name} — {EFFECT_LABELS[effect]}"
    if follow.kind in LIST_FILTERS:
        filters = {LIST_FILTERS[follow.kind]: slug} | ({"effect": effect} if effect else {})
        return name, url_for("experiences.index", **filters)
    return name, url_for("search.index", partner=slug)


def _tag(follow: Follow, reader: User) -> tuple[str, str | None]:
    return follow.target, url_for("search.index", q=follow.target)


def _bundle(follow: Follow, reader: User) -> tuple[str, str | None]:
    bundle = db.session.get(Bundle, int(follow.target))
    if bundle is None or not may_read(reader, bundle):
        return _("(niet meer te zien)"), None
    return bundle.title, url_for("bundles.show", bundle_id=bundle.id)


def _author(follow: Follow, reader: User) -> tuple[str, str | None]:
    person = db.session.get(User, int(follow.target))
    return (person.name, None) if person is not None else (_("(niet meer te zien)"), None)


def _experience(follow: Follow, reader: User) -> tuple[str, str | None]:
    experience = db.session.get(Experience, int(follow.target))
    if experience is None or not can_view(reader, experience):
        return _("(niet meer te zien)"), None
    return experience.title, url_for("experiences.show", experience_id=experience.id)


def _search(follow: Follow, reader: User) -> tuple[str, str | None]:
    params = search_params(follow.target)
    words = f"„{params.q}”" if params.q else _("alle ervaringen")
    name = _("%(words)s, met filters", words=words) if params.selected_facets() else words
    return name, url_for("search.index") + "?" + follow.target


_DESCRIBE = {FollowKind.TAG: _tag, FollowKind.BUNDLE: _bundle, FollowKind.AUTHOR: _author,
             FollowKind.EXPERIENCE: _experience, FollowKind.SEARCH: _search}
