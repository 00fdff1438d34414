"""The Dutch analyzer, on a tiny in-memory Whoosh index: what a Dutch searcher expects."""
from __future__ import annotations

import pickle

import pytest
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.qparser import QueryParser

from rugzak.search.analysis import compound_parts, dutch_analyzer, fold
from rugzak.search.query import expand_synonyms
from rugzak.search.wordlist import compound_leaves, is_dutch_word

DOCUMENTS = {
    "afspraak": "We maakten één afspraak met de buurt.",
    "wijkteam": "Het wijkteam kwam langs.",
    "jongere": "Elke jongere kreeg een coach.",
    "samenwerkingsafspraken": "De samenwerkingsafspraken liepen vast.",
    "samenwerkingstraject": "Een samenwerkingstraject van een jaar.",
    "participatiesamenleving": "De participatiesamenleving vraagt veel van inwoners.",
    "definiëren": "Samen een doel definiëren.",
    "co-creatie": "Het plan ontstond in co-creatie.",
    "cocreatie": "Cocreatie met inwoners.",
    "coöperatie": "Een coöperatie van bewoners.",
    "geëvalueerd": "Het project is geëvalueerd.",
    "ouders": "Gesprekken met ouders.",
    "beleid": "Het beleid werd herschreven.",
    "mening": "Ieder gaf een mening.",
    "stop words only": "de het een",
}


@pytest.fixture(scope="module")
def index():
    schema = Schema(id=ID(stored=True), body=TEXT(analyzer=dutch_analyzer(), stored=True))
    index = RamStorage().create_index(schema)
    with index.writer() as writer:
        for doc_id, body in DOCUMENTS.items():
            writer.add_document(id=doc_id, body=body)
    return index


def found(index, query: str) -> set[str]:
    with index.searcher() as searcher:
        parsed = QueryParser("body", index.schema).parse(query)
        return {hit["id"] for hit in searcher.search(parsed, limit=None)}


@pytest.mark.parametrize(
    ("query", "doc_id"),
    [
        ("afspraken", "afspraak"),
        ("wijkteams", "wijkteam"),
        ("jongeren", "jongere"),
        ("samenwerking", "samenwerkingsafspraken"),
        ("samenwerking", "samenwerkingstraject"),
        ("afspraken", "samenwerkingsafspraken"),
        ("participatie", "participatiesamenleving"),
        ("definieren", "definiëren"),
        ("cocreatie", "co-creatie"),
        ("co-creatie", "co-creatie"),
        ("co-creatie", "cocreatie"),
        ("creatie", "co-creatie"),
        ("cooperatie", "coöperatie"),
        ("evaluaties", "geëvalueerd"),
        ('"liepen vast"', "samenwerkingsafspraken"),
        ('"de afspraken liepen"', "samenwerkingsafspraken"),
    ],
)
def test_query_finds(index, query, doc_id):
    assert doc_id in found(index, query)


@pytest.mark.parametrize(
    ("query", "doc_id"),
    [
        ("ouderen", "ouders"),  # the elderly are not parents
        ("begeleiding", "beleid"),  # Snowball: begeleiding -> beleid
        ("gemeente", "mening"),  # Snowball: gemeente -> meen
    ],
)
def test_query_does_not_find(index, query, doc_id):
    assert doc_id not in found(index, query)


@pytest.mark.parametrize("query", ["de", "het", "de het"])
def test_stop_words_alone_match_nothing(index, query):
    assert found(index, query) == set()


def test_document_of_only_stop_words_is_indexed(index):
    with index.searcher() as searcher:
        assert searcher.document(id="stop words only") is not None


def test_compound_parts_are_highlighted(index):
    with index.searcher() as searcher:
        query = QueryParser("body", index.schema).parse("participatie")
        hit = searcher.search(query)[0]
        assert "<b" in hit.highlights("body")
        assert ">participatiesamenleving</b>" in hit.highlights("body")


def test_parts_share_the_compound_position():
    tokens = dutch_analyzer()("wijkteams helpen", mode="index", positions=True)
    assert [(token.text, token.pos) for token in tokens] == [
        ("wijkteam", 0), ("wijk", 0), ("team", 0), ("help", 1)]


def test_queries_are_not_split():
    texts = [token.text for token in dutch_analyzer()("samenwerkingsafspraken", mode="query")]
    assert texts == ["samenwerkingsafspraak"]


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("schuldenaanpak", ["schulden", "aanpak"]),
        ("Samenwerkingsafspraken", ["samenwerking", "afspraken"]),
        ("ketensamenwerking", ["keten", "samenwerking"]),  # not ketens + amen + werking
        ("straathoekwerk", ["straat", "hoek", "werk"]),
        ("keukentafelgesprek", ["keukentafel", "keuken", "tafel", "gesprek"]),
        ("cliëntondersteuning", ["client", "ondersteuning"]),
        ("samenwerking", []),  # a frequent word, not a compound
        ("ouderschap", []),  # -schap is a suffix
        ("zelfredzaamheid", []),
    ],
)
def test_compound_parts(word, parts):
    assert compound_parts(word) == parts


def test_fold():
    assert [fold(word) for word in ("coöperatie", "definiëren", "café")] == [
        "cooperatie", "definieren", "cafe"]


def test_pickled_analyzer_holds_no_word_list():
    pickled = pickle.dumps(dutch_analyzer())
    assert len(pickled) < 5_000
    assert pickle.loads(pickled) == dutch_analyzer()


def test_three_part_compounds_are_split_all_the_way():
    assert compound_leaves("jeugdhulpverlening") == ["jeugd", "hulp", "verlening"]
    tokens = [token.text for token in dutch_analyzer()("jeugdhulpverlening", mode="index")]
    assert {"jeugd", "hulp", "verleen", "jeugdhulp"} <= set(tokens)


def test_a_frequent_word_is_split_only_when_asked():
    assert compound_leaves("samenwerkingsverband") == []
    assert compound_leaves("samenwerkingsverband", split_frequent=True) == [
        "samenwerking", "verband"]


@pytest.mark.parametrize("word, known", [("ouderen", True), ("Ouders", True),
                                         ("definieren", True), ("wijkteem", False),
                                         ("samenwerkng", False)])
def test_dutch_words(word, known):
    assert is_dutch_word(word) is known


@pytest.mark.parametrize("text, expanded", [
    ("mantelzorger", "(mantelzorger OR naaste)"),
    ("Mantelzorger helpt", "(Mantelzorger OR naaste) helpt"),
    ("signalen eerder oppakken", '((signalen eerder oppakken) OR vroegsignalering)'),
    ('"signalen eerder oppakken"', '("signalen eerder oppakken" OR vroegsignalering)'),
    ("vroegsignalering", '(vroegsignalering OR "signalen eerder oppakken")'),
    ("signalen OF eerder oppakken", "signalen OF eerder oppakken"),
    ("NIET naaste", "NIET (naaste OR mantelzorger)"),
])
def test_synonyms_expand_words_and_phrases(text, expanded):
    synonyms = {"mantelzorger": ["naaste"], "naaste": ["mantelzorger"],
                "vroegsignalering": ["signalen eerder oppakken"],
                "signalen eerder oppakken": ["vroegsignalering"]}
    assert expand_synonyms(text, synonyms) == expanded
