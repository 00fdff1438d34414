"""Running a search: results, snippets, facet counts, a suggestion, related experiences."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from sqlalchemy import select
from whoosh.query import And, Every, Or, Query, Term
from whoosh.searching import Results

from ..auth.models import User
from ..errors import InvalidInput
from ..experiences.labels import EFFECT_LABELS, KIND_LABELS
from ..extensions import db
from ..peers.models import Peer
from ..synonyms.queries import synonym_lookup
from ..taxonomy.models import Condition, Department, Goal, Partner
from .documents import FACETS, OWN, hit_id, peer_origin
from .matching import Matches, match
from .query import (
    QuerySyntaxError,
    copies_filter,
    facet_filter,
    fuzzy_text,
    max_typos,
    open_filter,
    parse,
    query_words,
    visibility_filter,
)
from .service import search_service
from .snippets import prepare, snippet
from .wordlist import is_dutch_word

PER_PAGE = 10
SORTS = ("relevantie", "nieuwste", "herkenbaar")
TYPO_PREFIX = 1  # corrections keep the first letter: far fewer words to compare
TAXONOMY_FACETS = {"department": (Department, _l("Onbekende afdeling: %(slugs)s.")),
                   "partner": (Partner, _l("Onbekende partnerorganisatie: %(slugs)s.")),
                   "goal": (Goal, _l("Onbekend transformatiedoel: %(slugs)s.")),
                   "condition": (Condition, _l("Onbekende randvoorwaarde: %(slugs)s."))}
REPEATABLE = ("department", "condition", "goal", "kind", "partner", "year", "origin")
MAX_VALUES = 20  # of one facet; more would only make the query slower


@dataclass
class SearchParams:
    """A search as asked; several values of one facet combine with OF."""
    q: str = ""
    department: list[str] = field(default_factory=list)
    condition: list[str] = field(default_factory=list)
    effect: str = ""
    goal: list[str] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    partner: list[str] = field(default_factory=list)
    year: list[str] = field(default_factory=list)
    origin: list[str] = field(default_factory=list)  # "Bron": eigen, peer-<id>
    highlighted: str = ""
    sort: str = "relevantie"
    page: int = 1

    @classmethod
    def from_args(cls, args) -> "SearchParams":
        """From request arguments (a MultiDict) or the API's parsed arguments (lists)."""
        single = {name: _cleaned(args.get(name)) for name in ("q", "effect", "highlighted")}
        lists = {name: _values(args, name) for name in REPEATABLE}
        sort = args.get("sort") or "relevantie"
        page = args.get("page", "1")
        return cls(**single, **lists, sort=sort if sort in SORTS else "relevantie",
                   page=int(page) if str(page).isdigit() and int(page) > 0 else 1)

    def args(self, **changes) -> dict:
        """URL arguments for this search with some changed; a new filter starts at page 1."""
        values = {**vars(self), "page": 1, **changes}
        return {name: value for name, value in values.items()
                if value and not (name == "page" and value == 1)
                and not (name == "sort" and value == "relevantie")}

    def covers_own(self) -> bool:
        """Whether the own municipality's experiences are among the sources chosen (the only
        ones a report, CSV, followed search or feed covers)."""
        return not self.origin or OWN in self.origin

    def selected_facets(self) -> dict[str, list[str]]:
        selected = {"department": self.department, "goal": self.goal, "kind": self.kind,
                    "partner": self.partner, "year": self.year, "origin": self.origin,
                    "highlighted": [self.highlighted] if self.highlighted else []}
        if self.condition and self.effect:
            selected["condition_effect"] = [f"{slug}:{self.effect}" for slug in self.condition]
        else:
            selected["condition"] = self.condition
        return {name: values for name, values in selected.items() if values}


def _cleaned(value) -> str:
    return (value or "").strip()[:500]


def _values(args, name: str) -> list[str]:
    given = args.getlist(name) if hasattr(args, "getlist") else args.get(name) or []
    values = [_cleaned(value) for value in ([given] if isinstance(given, str) else given)]
    return list(dict.fromkeys(value for value in values if value))[:MAX_VALUES]


@dataclass
class Hit:
    id: int
    title: str
    snippet: Markup
    score: float
    origin: str = OWN  # or peer-<id>: `id` is then an ExternalExperience's


@dataclass
class SearchOutcome:
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None
    page: int = 1
    pages: int = 0


def search(user: User, params: SearchParams, per_page: int = PER_PAGE,
           with_copies: bool = False) -> SearchOutcome:
    """Exact (stemmed) matches first; then what only a typo correction finds.

    `with_copies`: also what other municipalities share openly (the search page and API);
    the rest (reports, feeds, followed searches) stays with the own municipality's experiences.
    A query or facet value that cannot be understood is refused (InvalidInput, Dutch, by field).
    """
    # the filter may read the user's rows: only once the search waited for the index (which
    # reads from its own connection), so this request holds no transaction during the wait
    def visible() -> Query:
        own = visibility_filter(user)
        return Or([own, copies_filter()]) if with_copies else own

    return search_service().searching(
        lambda searcher: _search(searcher, visible(), params, per_page))


def search_open(params: SearchParams, per_page: int = PER_PAGE) -> SearchOutcome:
    """The same search for the world, over what is shared openly only."""
    return search_service().searching(
        lambda searcher: _search(searcher, open_filter(), params, per_page))


def _search(searcher, visible: Query, params: SearchParams, per_page: int) -> SearchOutcome:
    errors = facet_problems(params)
    synonyms = synonym_lookup()
    try:
        query = parse(params.q, searcher, synonyms)
    except QuerySyntaxError as error:
        errors["q"] = str(error)
    if errors:
        raise InvalidInput(errors)
    typos = typo_corrections(searcher, params.q)
    fuzzy = fuzzy_text(params.q, typos)
    shown = parse(fuzzy, searcher, synonyms) if fuzzy else query

    def tiers(facets: dict[str, list[str]]) -> list[Matches]:
        allowed = _allowed(visible, facets)
        exact = match(searcher, query, allowed)
        return [exact, match(searcher, shown, allowed).minus(exact)] if fuzzy else [exact]

    selected = params.selected_facets()
    found = tiers(selected)
    outcome = _run(searcher, shown, found, params, per_page)
    for name in selected:  # values of one facet combine with OF: count them without it
        outcome.facets[name] = _counts(tiers(_without(selected, name)), name)
    if not len(found[0]) and fuzzy and len(found[1]):  # else no correction finds anything
        outcome.suggestion = suggest(searcher, params.q, _allowed(visible, selected), typos,
                                     synonyms)
    return outcome


def _allowed(visible: Query, facets: dict[str, list[str]]) -> Query:
    return And([visible, *facet_filter(facets)])


def _without(facets: dict[str, list[str]], name: str) -> dict[str, list[str]]:
    return {other: values for other, values in facets.items() if other != name}


def _counts(tiers: list[Matches], name: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for tier in tiers:
        for value, count in tier.facet_counts(name).items():
            counts[value] = counts.get(value, 0) + count
    return counts


def facet_problems(params: SearchParams) -> dict[str, str]:
    """Dutch messages for facet values no experience can have, by argument name."""
    problems = {}
    for name, (model, message) in TAXONOMY_FACETS.items():
        if not (chosen := getattr(params, name)):
            continue
        known = set(db.session.scalars(select(model.slug).where(model.slug.in_(chosen))))
        if unknown := [slug for slug in chosen if slug not in known]:
            problems[name] = str(message) % {"slugs": ", ".join(unknown)}
    if unknown := [kind for kind in params.kind if kind not in KIND_LABELS]:
        problems["kind"] = _("Onbekende soort ervaring: %(slugs)s.", slugs=", ".join(unknown))
    if any(not (len(year) == 4 and year.isascii() and year.isdigit()) for year in params.year):
        problems["year"] = _("Een jaar schrijf je als vier cijfers, bijvoorbeeld 2024.")
    if params.effect and params.effect not in EFFECT_LABELS:
        problems["effect"] = _("Een randvoorwaarde hielp of ontbrak: kies hielp of ontbrak.")
    if params.origin and (unknown := sorted(set(params.origin) - _origins())):
        problems["origin"] = _("Onbekende bron: %(slugs)s.", slugs=", ".join(unknown))
    if params.highlighted not in ("", "ja"):
        problems["highlighted"] = _("Kies ja om alleen uitgelichte ervaringen te zien.")
    return problems


def _origins() -> set[str]:
    """The values of the facet "Bron": the own municipality and each peer followed."""
    return {OWN, *(peer_origin(peer_id) for peer_id in db.session.scalars(select(Peer.id)))}


def _run(searcher, shown: Query, tiers: list[Matches], params: SearchParams,
         per_page: int) -> SearchOutcome:
    """One page of results, each tier ranked after the one before it; a page past the end
    shows the last page."""
    total = sum(len(tier) for tier in tiers)
    pages = math.ceil(total / per_page)
    number = max(1, min(params.page, pages))
    start = (number - 1) * per_page
    columns = _order(params)
    top_n: list[tuple[float, int]] = []
    for tier in tiers:
        ranked = tier.ranked(limit=start + per_page - len(top_n), columns=columns)
        top_n += zip(ranked.scores.tolist(), ranked.docnums.tolist(), strict=True)
    page = Results(searcher, shown, top_n[start:])
    prepare(page)
    hits = [Hit(hit_id(hit["id"]), hit["title"], snippet(hit), round(hit.score or 0, 3),
                hit.get("origin") or OWN) for hit in page]
    return SearchOutcome(total=total, hits=hits, page=number, pages=pages,
                         facets={name: _counts(tiers, name) for name in FACETS})


def _order(params: SearchParams) -> tuple[str, ...]:
    """Sortable columns, most significant first, all highest first; () means by relevance."""
    if params.sort == "herkenbaar":
        return ("recognitions", "published")
    return ("published",) if params.sort == "nieuwste" or not params.q.strip() else ()


def typo_corrections(searcher, text: str) -> dict[str, list[str]]:
    """Likely corrections of each query word the index does not know, closest first; a Dutch
    word is never a typo (`ouderen` is not a misspelled `ouders`)."""
    corrector = searcher.corrector("spelling")
    corrections = {}
    for word in query_words(text):
        folded = word.lower()
        if max_typos(folded) and not searcher.reader().frequency("spelling", folded) \
                and not is_dutch_word(folded):
            if options := corrector.suggest(folded, limit=3, maxdist=max_typos(folded),
                                            prefix=TYPO_PREFIX):
                corrections[word] = options
    return corrections


def suggest(searcher, text: str, allowed: Query, typos: dict[str, list[str]],
            synonyms: dict[str, list[str]]) -> str | None:
    """"Bedoelde je …?" — only a correction that finds something this user may see."""
    found: dict[str, bool] = {}  # each text parsed and matched once

    def finds(candidate: str) -> bool:
        if candidate not in found:
            found[candidate] = _finds(searcher, candidate, allowed, synonyms)
        return found[candidate]

    corrected = text
    for word, options in typos.items():
        visible = [option for option in options if finds(option)]
        if visible:  # a word only found in what this user may not see is never offered
            corrected = corrected.replace(word, visible[0], 1)
    if corrected == text or not finds(corrected):
        return None
    return corrected


def _finds(searcher, text: str, allowed: Query, synonyms: dict[str, list[str]]) -> bool:
    try:
        return len(match(searcher, parse(text, searcher, synonyms), allowed)) > 0
    except QuerySyntaxError:
        return False


def related(user: User, experience_id: int, top: int = 5) -> list[Hit]:
    """"Vergelijkbare ervaringen": Whoosh's more-like-this within what the user may see."""
    return search_service().searching(
        lambda searcher: _related(searcher, user, experience_id, top))


def _related(searcher, user: User, experience_id: int, top: int) -> list[Hit]:
    found = searcher.search(Term("id", str(experience_id)), limit=1)
    if not found:
        return []
    visible = set(match(searcher, Every(), visibility_filter(user)).docnums().tolist())
    similar = found[0].more_like_this("body", text=_all_text(found[0]), top=top,
                                      filter=visible)
    return [Hit(int(hit["id"]), hit["title"], Markup(""), round(hit.score or 0, 3))
            for hit in similar]


def _all_text(hit) -> str:
    return "\n".join(hit.get(name, "") for name in ("title", "lesson", "body"))
