"""Where a report's experiences come from: a search (query + facets), a period or a bundle.

Each source turns request arguments into a `Selection` (or refuses them with InvalidInput, in
Dutch by field); a new source is one more function in SOURCES.
"""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import func, select

from ..auth.models import User
from ..bundles.policies import bundle_or_404
from ..bundles.queries import visible_items
from ..errors import NotFound
from ..experiences.models import Experience
from ..extensions import db
from ..insight.selection import PeriodFilters, Selection, happened_on
from ..search.engine import SearchParams, search

REPORT_LIMIT = 50  # experiences in full: a PDF of 50 renders in seconds, of 200 in half a minute
EXPORT_LIMIT = 1000


def search_results(user: User, args, limit: int) -> tuple[SearchParams, list[int], int]:
    """The ids of a search's results in its own order (at most `limit`) and the total."""
    params = SearchParams.from_args(args)
    params.page = 1
    outcome = search(user, params, per_page=limit)
    return params, [hit.id for hit in outcome.hits], outcome.total


def from_search(user: User, args) -> Selection:
    params, ids, total = search_results(user, args, REPORT_LIMIT)
    title = (_("Zoekopdracht „%(q)s”", q=params.q) if params.q
             else _("Alle ervaringen die je kunt vinden"))
    facets = ", ".join(f"{name}: {'/'.join(value) if isinstance(value, list) else value}"
                       for name, value in params.args(q="", sort="").items() if name != "page")
    description = _("%(total)d gevonden ervaringen", total=total)
    if facets:
        description += " · " + _("filters: %(facets)s", facets=facets)
    return Selection(title, description + _first(len(ids), total), ids)


def from_period(user: User, args) -> Selection:
    filters = PeriodFilters.checked(args)
    in_period = filters.experience_ids(user)
    ids = db.session.scalars(select(Experience.id).where(Experience.id.in_(in_period))
                             .order_by(happened_on(), Experience.id).limit(REPORT_LIMIT)).all()
    total = db.session.scalar(select(func.count()).select_from(in_period.subquery()))
    description = _("Gepubliceerde ervaringen die in deze periode gebeurden: %(total)d",
                    total=total)
    return Selection(_("Periode: %(what)s", what=filters.describe()),
                     description + _first(len(ids), total), list(ids))


def _first(shown: int, total: int) -> str:
    """Said when a report holds fewer experiences than its selection."""
    if total <= shown:
        return ""
    return " · " + _("dit verslag bevat de eerste %(count)d", count=shown)


def from_bundle(user: User, args) -> Selection:
    """The bundle's items the user may see, in bundle order; 404 for a bundle they may not read."""
    number = args.get("bundle", "")
    if not (number.isascii() and number.isdigit() and len(number) <= 9):
        raise NotFound()
    bundle = bundle_or_404(int(number), user)
    items = visible_items(bundle, user)
    description = _("Ervaringen uit deze bundel die jij mag zien, in de volgorde van de "
                    "bundel en met de notities van het kernteam.")
    shown = items[:REPORT_LIMIT]
    return Selection(_("Bundel „%(title)s”", title=bundle.title),
                     description + _first(len(shown), len(items)),
                     [item.experience_id for item in shown], intro=bundle.intro,
                     notes={item.experience_id: item.note for item in items if item.note})


SOURCES = {"zoekopdracht": from_search, "periode": from_period, "bundel": from_bundle}
