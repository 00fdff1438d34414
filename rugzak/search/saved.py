"""Saved searches: a search as its /zoeken query string, and whether one new experience
matches it, judged by the same analysis, query parsing and facet filters as /zoeken."""
from __future__ import annotations

import tempfile
from urllib.parse import parse_qsl, urlencode

from werkzeug.datastructures import MultiDict
from whoosh.filedb.filestore import FileStorage
from whoosh.query import And

from ..experiences.models import Experience
from ..synonyms.queries import synonym_lookup
from .documents import build_schema, document
from .engine import SearchParams
from .query import QuerySyntaxError, facet_filter, parse

NOT_SAVED = ("sort", "page")  # how results are shown, not what is searched


def search_params(query_string: str) -> SearchParams:
    """The search a /zoeken query string asks; text without `=` is the search words alone."""
    pairs = parse_qsl(query_string) if "=" in query_string else [("q", query_string)]
    return SearchParams.from_args(MultiDict(pairs))


def saved_form(params: SearchParams) -> str:
    """The canonical query string of a search: what it searches, in a fixed order."""
    values = {name: value for name, value in params.args().items() if name not in NOT_SAVED}
    return urlencode(sorted(values.items()), doseq=True)


def is_empty(params: SearchParams) -> bool:
    return not saved_form(params)


def matching(experience: Experience, saved: list[str]) -> set[str]:
    """Which of the saved searches (canonical query strings) find `experience`, read as the
    index would hold it. It is not in the index yet (that follows after the commit), so it
    gets a one-document index of its own, in a temporary folder (see whoosh_private.py on
    RamStorage)."""
    if not saved:
        return set()
    synonyms = synonym_lookup()
    with tempfile.TemporaryDirectory(prefix="rugzak-saved-search-") as folder:
        ix = FileStorage(folder, supports_mmap=False).create_index(build_schema())
        with ix.writer() as writer:
            writer.add_document(**document(experience))
        with ix.searcher() as searcher:
            return {text for text in saved if _finds(searcher, search_params(text), synonyms)}


def _finds(searcher, params: SearchParams, synonyms) -> bool:
    try:
        query = parse(params.q, searcher, synonyms)
    except QuerySyntaxError:  # checked when the search was saved; the language may have changed
        return False
    return bool(searcher.search(And([query, *facet_filter(params.selected_facets())]),
                                limit=1))
