"""The array matcher gives exactly what Whoosh's own matchers give: documents, scores, order,
facet counts — over several segments, with replaced (deleted) documents; also with posting lists
split into many blocks, and over the segments of a parallel rebuild."""
from __future__ import annotations

import functools
from datetime import date, timedelta

import pytest
import whoosh.codec
from whoosh import sorting
from whoosh.codec.whoosh3 import W3Codec
from whoosh.query import And, Every, Term
from whoosh.searching import Results

from rugzak.auth.models import User
from rugzak.experiences.models import Experience
from rugzak.extensions import db
from rugzak.search import sync
from rugzak.search.documents import FACETS
from rugzak.search.matching import match
from rugzak.search.query import facet_filter, parse, visibility_filter
from rugzak.search.service import search_service
from rugzak.search.snippets import SNIPPET_FIELDS, highlight, prepare
from rugzak.search.whoosh_private import posting_blocks

TEXTS = [
    ("Warme overdracht in het wijkteam", "De warme overdracht naar het wijkteam werkte.", "les"),
    ("Schulden en werk", "Schuldhulp en werk samen: afspraken met de werkgever.", "succes"),
    ("Jongeren en ouders", "Jongeren, ouders en school maakten samen afspraken.", "vraag"),
    ("Privacy", "Gegevensdeling en privacy tussen partners.", "knelpunt"),
    ("Samenwerkingsafspraken",
     "De samenwerkingsafspraken met het wijkteam: een warme maar trage overdracht.", "les"),
    ("Wijkteams overal", "Wijkteams, wijkteam, teams in de wijk: warme overdracht.", "succes"),
]
QUERIES = ["", "wijkteam", "warme overdracht", '"warme overdracht"', '"warme overdracht"~3',
           '"overdracht naar het wijkteam"', '"wijkteam warme"', "afspraken OF privacy",
           "jongeren EN (ouders OF school)", "overdracht NIET privacy", "NIET werk",
           "samenwerking", "wijkteams samenwerking", "onbekendwoord"]
SMALL_BLOCK = 2  # postings per block; Whoosh writes 128


@pytest.fixture(params=["commits", "small-blocks", "parallel-rebuild"])
def indexed(request, app, make_user, make_experience, monkeypatch):
    """Three rounds of experiences, indexed one commit (segment) per round, or all at once by
    the parallel rebuild; then some replaced, which leaves deleted ones in older segments."""
    if request.param == "small-blocks":
        monkeypatch.setattr(whoosh.codec, "default_codec",
                            functools.partial(W3Codec, blocklimit=SMALL_BLOCK))
    author = make_user()
    for round_number in range(3):
        for number, (title, text, kind) in enumerate(TEXTS):
            make_experience(author, title=f"{title} {round_number}", situation=text, kind=kind,
                            visibility="intern" if number % 2 else "met_partners",
                            departments=["werk-en-inkomen"] if number % 3 else [],
                            conditions={"transparantie": "hielp"} if number % 2 else {},
                            occurred_on=date(2023 + number % 3, 1, 1 + number))
        if request.param != "parallel-rebuild":
            with app.app_context():
                search_service().catch_up()
    if request.param == "parallel-rebuild":
        _rebuild_in_parallel(app, monkeypatch)
    with app.app_context():
        for experience in db.session.query(Experience).limit(4):
            experience.title += " (bijgewerkt)"
        db.session.commit()
        search_service().catch_up()
        if request.param == "small-blocks":
            reader, _ = search_service().searcher().reader().leaf_readers()[0]
            assert len(list(posting_blocks(reader, "status", b"gepubliceerd"))) > 1
    return author


def _rebuild_in_parallel(app, monkeypatch) -> None:
    """`rugzak search rebuild` as for a big database: processes that write a segment each."""
    monkeypatch.setattr(sync, "PARALLEL_FROM", 0)
    monkeypatch.setattr(sync, "PARALLEL_PROCS", 2)
    monkeypatch.setattr(sync, "GAP_GRACE", timedelta(0))  # nothing left to catch up after it
    with app.app_context():
        search_service().rebuild()
        segments = search_service().searcher().reader().leaf_readers()
        assert len(segments) == 2  # one per process


@pytest.mark.parametrize("role", ["medewerker", "partner"])
def test_array_matcher_equals_whoosh(app, indexed, make_user, role):
    reader = make_user(role)
    with app.app_context():
        user = db.session.get(User, reader.id)
        searcher = search_service().searcher()
        assert len(searcher.reader().leaf_readers()) > 1
        assert searcher.reader().has_deletions()
        allowed = visibility_filter(user)
        totals = {}
        for text in QUERIES:
            query = parse(text, searcher, {})
            expected = searcher.search(query, filter=allowed, limit=None)
            found = match(searcher, query, allowed)
            ranked = found.ranked(limit=1000)
            assert len(found) == len(expected), text
            totals[text] = len(found)
            assert ranked.docnums.tolist() == [hit.docnum for hit in expected], text
            assert ranked.scores.tolist() == pytest.approx([hit.score for hit in expected]), text
            newest = searcher.search(query, filter=allowed, limit=None, sortedby="published",
                                     reverse=True)
            assert found.ranked(limit=1000, columns=("published",)).docnums.tolist() == [
                hit.docnum for hit in newest], text
            recognised = searcher.search(query, filter=allowed, limit=None, reverse=True,
                                         sortedby=["recognitions", "published"])
            assert found.ranked(limit=1000, columns=("recognitions", "published")) \
                .docnums.tolist() == [hit.docnum for hit in recognised], text
            for columns, full in (((), expected), (("published",), newest),
                                  (("recognitions", "published"), recognised)):  # partial
                assert found.ranked(limit=3, columns=columns).docnums.tolist() == [
                    hit.docnum for hit in full][:3], text
            facets = {name: sorting.FieldFacet(name, allow_overlap=True) for name in FACETS}
            grouped = searcher.search(query, filter=allowed, groupedby=facets,
                                      maptype=sorting.Count)
            for name in FACETS:
                assert found.facet_counts(name) == {
                    value: count for value, count in grouped.groups(name).items() if value}
        assert totals['"warme overdracht"~3'] > totals['"warme overdracht"'] > 0


def test_facet_filter_and_visibility_are_one_query_filter(app, indexed, make_user):
    reader = make_user("partner")
    with app.app_context():
        user = db.session.get(User, reader.id)
        searcher = search_service().searcher()
        allowed = And([visibility_filter(user), *facet_filter({"kind": ["les"]})])
        found = match(searcher, Every(), allowed)
        titles = sorted(searcher.stored_fields(d)["title"] for d in found.docnums().tolist())
        assert len(titles) == 6 and titles[0] == "Samenwerkingsafspraken 0", titles
        assert found.facet_counts("kind") == {"les": 6}
        assert found.facet_counts("condition") == {}  # conditions sit on intern experiences


def test_fast_highlighting_equals_whoosh(app, indexed):
    with app.app_context():
        searcher = search_service().searcher()
        compared = 0
        for text in QUERIES:
            query = parse(text, searcher, {})
            top_n = [(hit.score, hit.docnum) for hit in searcher.search(
                query, filter=Term("status", "gepubliceerd"), limit=None)]
            by_whoosh, fast = Results(searcher, query, top_n), Results(searcher, query, top_n)
            prepare(by_whoosh)
            prepare(fast)
            for whoosh_hit, fast_hit in zip(by_whoosh, fast, strict=True):
                for name in SNIPPET_FIELDS:
                    expected = whoosh_hit.highlights(name, top=2)
                    assert highlight(fast_hit, name, top=2) == expected, (text, name)
                    compared += bool(expected)
        assert compared > 50
