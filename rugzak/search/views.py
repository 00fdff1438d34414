"""/zoeken: the search page."""
from flask import Blueprint, render_template, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import joinedload, load_only, selectinload

from ..errors import InvalidInput
from ..experiences.labels import EFFECT_LABELS, KIND_LABELS
from ..experiences.models import Experience
from ..experiences.policies import can_view
from ..extensions import db
from ..peers.models import ExternalExperience, Peer
from ..taxonomy.queries import taxonomy_for_filters
from .documents import OWN, peer_origin
from .engine import SearchParams, search
from .facets import facet_groups
from .log import log_search

bp = Blueprint("search", __name__)


@bp.get("/zoeken")
def index():
    params = SearchParams.from_args(request.args)
    try:
        outcome = search(current_user, params, with_copies=True)
    except InvalidInput as refusal:  # never logged: it searched nothing
        return render_template("search/index.html", params=params, errors=refusal.errors)
    if params.page == 1:
        log_search(params.q, outcome.total)
    facets = facet_groups(params, outcome, facet_labels(taxonomy_for_filters()))
    return render_template("search/index.html", params=params, outcome=outcome,
                           experiences=_experiences(outcome.hits),
                           copies=_copies(outcome.hits), facets=facets)


DUTCH_NAME = Markup('<span lang="nl">{}</span>')  # taxonomy names are data, written in Dutch


def facet_labels(taxonomy: dict) -> dict[str, dict[str, str]]:
    """Display names (HTML) for the slugs the index counts."""
    labels = {name: {row.slug: DUTCH_NAME.format(row.name) for row in taxonomy[plural]}
              for name, plural in (("department", "departments"), ("partner", "partners"),
                                   ("goal", "goals"), ("condition", "conditions"))}
    labels["kind"] = KIND_LABELS
    labels["highlighted"] = {"ja": _l("Uitgelicht door het kernteam")}
    labels["origin"] = origin_labels()
    labels["condition_effect"] = {
        f"{slug}:{effect}": Markup("{} — {}").format(name, EFFECT_LABELS[effect])
        for slug, name in labels["condition"].items() for effect in EFFECT_LABELS}
    return labels


def origin_labels() -> dict[str, str]:
    """The facet "Bron": the own municipality and each followed one by name."""
    return {OWN: _l("Eigen gemeente"), **{peer_origin(peer.id): DUTCH_NAME.format(peer.name)
                                          for peer in db.session.scalars(select(Peer))}}


def _copies(hits) -> dict[int, ExternalExperience]:
    """The copies behind the hits of other municipalities, with their source."""
    ids = [hit.id for hit in hits if hit.origin != OWN]
    if not ids:
        return {}
    return {row.id: row for row in db.session.scalars(select(ExternalExperience).where(
        ExternalExperience.id.in_(ids)).options(joinedload(ExternalExperience.peer)))}


# What a result card shows and can_view reads: the texts themselves come from the index.
CARD_LOADING = (load_only(Experience.title, Experience.kind, Experience.visibility,
                          Experience.status, Experience.author_id, Experience.occurred_on,
                          Experience.highlighted_at, Experience.hidden_at,
                          Experience.historical_at, Experience.deleted_at),
                selectinload(Experience.departments))


def _experiences(hits) -> dict[int, Experience]:
    """The rows behind the hits (one query, and one for their departments), checked once more
    against the database's own rule."""
    ids = [hit.id for hit in hits if hit.origin == OWN]
    rows = db.session.scalars(select(Experience).where(Experience.id.in_(ids))
                              .options(*CARD_LOADING))
    return {row.id: row for row in rows if can_view(current_user, row)}
