"""Running a search: results, snippets, facet counts, a suggestion, related experiences."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from markupsafe import Markup
from whoosh.query import And, Every, Query, Term
from whoosh.searching import Results

from ..auth.models import User
from .documents import FACETS
from .matching import Matches, match
from .query import (
    QuerySyntaxError,
    facet_filter,
    fuzzy_text,
    max_typos,
    parse,
    query_words,
    visibility_filter,
)
from .service import search_service
from .snippets import prepare, snippet

PER_PAGE = 10
SORTS = ("relevantie", "nieuwste", "herkenbaar")
TYPO_PREFIX = 1  # corrections keep the first letter: far fewer words to compare


@dataclass
class SearchParams:
    q: str = ""
    department: str = ""
    condition: str = ""
    effect: str = ""
    goal: str = ""
    kind: str = ""
    partner: str = ""
    year: str = ""
    highlighted: str = ""
    sort: str = "relevantie"
    page: int = 1

    @classmethod
    def from_args(cls, args) -> "SearchParams":
        values = {name: (args.get(name) or "").strip()[:500] for name in (
            "q", "department", "condition", "effect", "goal", "kind", "partner", "year",
            "highlighted")}
        sort = args.get("sort") or "relevantie"
        page = args.get("page", "1")
        return cls(**values, sort=sort if sort in SORTS else "relevantie",
                   page=int(page) if str(page).isdigit() and int(page) > 0 else 1)

    def args(self, **changes) -> dict[str, str]:
        """URL arguments for this search with some changed; a new filter starts at page 1."""
        values = {**vars(self), "page": 1, **changes}
        return {name: value for name, value in values.items()
                if value and not (name == "page" and value == 1)
                and not (name == "sort" and value == "relevantie")}

    def selected_facets(self) -> dict[str, str]:
        selected = {"department": self.department, "goal": self.goal, "kind": self.kind,
                    "partner": self.partner, "year": self.year, "highlighted": self.highlighted}
        if self.condition and self.effect:
            selected["condition_effect"] = f"{self.condition}:{self.effect}"
        elif self.condition:
            selected["condition"] = self.condition
        return selected


@dataclass
class Hit:
    id: int
    title: str
    snippet: Markup
    score: float


@dataclass
class SearchOutcome:
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None
    error: str | None = None
    page: int = 1
    pages: int = 0


def search(user: User, params: SearchParams, per_page: int = PER_PAGE) -> SearchOutcome:
    """Exact (stemmed) matches first; then what only a typo correction finds."""
    service = search_service()
    service.wait_until_current(service.app.config["SEARCH_WAIT_SECONDS"])
    searcher = service.searcher()
    try:
        query = parse(params.q, searcher.schema)
    except QuerySyntaxError as error:
        return SearchOutcome(error=str(error))
    allowed = And([visibility_filter(user), *facet_filter(params.selected_facets())])
    typos = typo_corrections(searcher, params.q)
    exact = match(searcher, query, allowed)
    tiers, shown = [exact], query
    if fuzzy := fuzzy_text(params.q, typos):
        shown = parse(fuzzy, searcher.schema)
        tiers.append(match(searcher, shown, allowed).minus(exact))
    outcome = _run(searcher, shown, tiers, params, per_page)
    if not len(exact) and params.q.strip():
        outcome.suggestion = suggest(searcher, params.q, allowed, typos)
    return outcome


def _run(searcher, shown: Query, tiers: list[Matches], params: SearchParams,
         per_page: int) -> SearchOutcome:
    """One page of results: each tier ranked after the one before it."""
    total = sum(len(tier) for tier in tiers)
    start = (params.page - 1) * per_page
    columns = _order(params)
    top_n: list[tuple[float, int]] = []
    for tier in tiers:
        ranked = tier.ranked(limit=start + per_page - len(top_n), columns=columns)
        top_n += zip(ranked.scores.tolist(), ranked.docnums.tolist(), strict=True)
    page = Results(searcher, shown, top_n[start:])
    prepare(page)
    hits = [Hit(int(hit["id"]), hit["title"], snippet(hit), round(hit.score or 0, 3))
            for hit in page]
    counts: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    for tier in tiers:
        for name in FACETS:
            for value, count in tier.facet_counts(name).items():
                counts[name][value] = counts[name].get(value, 0) + count
    return SearchOutcome(total=total, hits=hits, facets=counts, page=params.page,
                         pages=math.ceil(total / per_page))


def _order(params: SearchParams) -> tuple[str, ...]:
    """Sortable columns, most significant first, all highest first; () means by relevance."""
    if params.sort == "herkenbaar":
        return ("recognitions", "published")
    return ("published",) if params.sort == "nieuwste" or not params.q.strip() else ()


def typo_corrections(searcher, text: str) -> dict[str, list[str]]:
    """Likely corrections of each query word the index does not know, closest first."""
    corrector = searcher.corrector("spelling")
    corrections = {}
    for word in query_words(text):
        folded = word.lower()
        if max_typos(folded) and not searcher.reader().frequency("spelling", folded):
            if options := corrector.suggest(folded, limit=3, maxdist=max_typos(folded),
                                            prefix=TYPO_PREFIX):
                corrections[word] = options
    return corrections


def suggest(searcher, text: str, allowed: Query, typos: dict[str, list[str]]) -> str | None:
    """"Bedoelde je …?" — only a correction that finds something this user may see."""
    corrected = text
    for word, options in typos.items():
        visible = [option for option in options if _finds(searcher, option, allowed)]
        if visible:  # a word only found in what this user may not see is never offered
            corrected = corrected.replace(word, visible[0], 1)
    if corrected == text or not _finds(searcher, corrected, allowed):
        return None
    return corrected


def _finds(searcher, text: str, allowed: Query) -> bool:
    try:
        return len(match(searcher, parse(text, searcher.schema), allowed)) > 0
    except QuerySyntaxError:
        return False


def related(user: User, experience_id: int, top: int = 5) -> list[Hit]:
    """"Vergelijkbare ervaringen": Whoosh's more-like-this within what the user may see."""
    service = search_service()
    searcher = service.searcher()
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
