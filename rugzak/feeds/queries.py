"""What each feed holds: only what the token's owner may see now, nothing hidden."""
from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import select

from ..auth.models import User
from ..bundles.policies import bundle_or_404
from ..bundles.queries import visible_items
from ..experiences.models import Experience
from ..experiences.policies import can_view
from ..experiences.queries import LIST_LOADING, newest_first, visible_experiences
from ..extensions import db
from ..search.engine import SearchParams, search
from ..taxonomy.models import Tag
from ..urls import external_url

ENTRIES = 20


@dataclass
class Feed:
    title: str
    page_url: str  # the page this feed follows
    experiences: list[Experience] = field(default_factory=list)


def _shown(user: User):
    return visible_experiences(user).where(Experience.hidden_at.is_(None))


def highlights(user: User) -> Feed:
    rows = db.session.scalars(_shown(user).where(Experience.highlighted_at.is_not(None))
                              .order_by(Experience.highlighted_at.desc()).limit(ENTRIES))
    return Feed(_("Uitgelicht in Rugzak"),
                external_url("experiences.index", highlighted="ja"), list(rows))


def newest(user: User) -> Feed:
    rows = db.session.scalars(newest_first(_shown(user)).limit(ENTRIES))
    return Feed(_("Nieuwste ervaringen in Rugzak"), external_url("experiences.index"),
                list(rows))


def bundle(user: User, bundle_id: int) -> Feed:
    found = bundle_or_404(bundle_id, user)
    rows = [item.experience for item in visible_items(found, user)
            if not item.experience.is_hidden]
    return Feed(_("Bundel: %(title)s", title=found.title),
                external_url("bundles.show", bundle_id=found.id), rows[:ENTRIES])


def tag(user: User, name: str) -> Feed:
    rows = db.session.scalars(newest_first(_shown(user).where(
        Experience.tags.any(Tag.name == name))).limit(ENTRIES))
    return Feed(_("Trefwoord: %(name)s", name=name),
                external_url("experiences.index", tag=name), list(rows))


def search_results(user: User, args) -> Feed:
    """The /zoeken query and filters, first page; InvalidInput for a query search refuses."""
    params = SearchParams.from_args(args)
    params.page = 1
    hits = search(user, params, per_page=ENTRIES).hits
    rows = {row.id: row for row in db.session.scalars(
        select(Experience).where(Experience.id.in_([hit.id for hit in hits]))
        .options(*LIST_LOADING)) if can_view(user, row) and not row.is_hidden}
    return Feed(_("Zoekopdracht: %(query)s", query=params.q or _("alles")),
                external_url("search.index", **params.args()),
                [rows[hit.id] for hit in hits if hit.id in rows])
