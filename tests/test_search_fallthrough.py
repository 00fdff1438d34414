"""Dutch queries that don't fall through: a Dutch word is never "corrected" into another word;
a compound with a part no experience contains finds the parts that exist; three-part
compounds are split all the way, in the index and in the query."""
from __future__ import annotations

import pytest

from .test_search import titles


@pytest.fixture
def author(make_user):
    return make_user(name="Schrijver")


def api(client, query: str) -> dict:
    return client.get("/api/v1/search", query_string={"q": query}).get_json()


def test_ouderen_is_not_corrected_to_ouders(client, author, make_experience, logged_in):
    make_experience(author, title="Ouders", situation="Gesprekken met ouders over school.")
    logged_in()
    page = client.get("/zoeken?q=ouderen").get_data(as_text=True)
    assert titles(client, "ouderen") == [] and "Bedoelde je" not in page
    result = api(client, "ouderen")
    assert result["total"] == 0 and result["suggestion"] is None
    make_experience(author, title="Ouderen", situation="Ouderen in de wijk vereenzamen.")
    assert titles(client, "ouderen") == ["Ouderen"]


def test_a_misspelling_is_still_corrected(client, author, make_experience, logged_in):
    make_experience(author, title="Ouders", situation="Gesprekken met ouders over school.")
    logged_in()
    assert titles(client, "oudrs") == ["Ouders"]


@pytest.mark.parametrize("query, text", [
    ("samenwerkingsverband", "De samenwerking met de school liep goed."),
    ("wijkteamleden", "Het wijkteam kwam langs bij het gezin."),
    ("schuldhulpaanvraag", "Schuldhulp voor het gezin kwam snel op gang."),
    ("overdrachtsformulier", "De overdracht naar de school ging warm."),
])
def test_a_compound_falls_back_to_the_parts_that_exist(client, author, make_experience,
                                                       logged_in, query, text):
    make_experience(author, title="Deel", situation=text)
    make_experience(author, title="Ruis", situation="Iets heel anders over vergaderen.")
    logged_in()
    assert titles(client, query) == ["Deel"]
    assert api(client, query)["total"] == 1


def test_the_whole_word_ranks_above_its_parts(client, author, make_experience, logged_in):
    make_experience(author, title="Deel", situation="De samenwerking met de school liep goed.")
    make_experience(author, title="Geheel", situation="Het samenwerkingsverband met scholen.")
    make_experience(author, title="Ruis", situation="Iets heel anders over vergaderen.")
    logged_in()
    assert titles(client, "samenwerkingsverband") == ["Geheel", "Deel"]
    assert titles(client, "samenwerking") == ["Deel"]  # a frequent word is not split up


def test_parts_that_exist_apart_do_not_have_to_meet(client, author, make_experience,
                                                     logged_in):
    make_experience(author, title="Schuldhulp", situation="Schuldhulp voor het gezin.")
    make_experience(author, title="Aanvraag", situation="Een aanvraag voor een uitkering.")
    logged_in()
    assert titles(client, "schuldhulpaanvraag") == ["Schuldhulp"]


def test_a_lone_small_part_does_not_stand_in_for_a_compound(client, author, make_experience,
                                                             logged_in):
    make_experience(author, title="Zorg", situation="Zorg voor het gezin.")
    logged_in()
    assert titles(client, "mantelzorgwoning") == []


@pytest.mark.parametrize("query", ["jeugd", "hulp", "verlening", "jeugdhulp",
                                   "jeugdhulpverlening"])
def test_a_three_part_compound_is_found_by_each_part(client, author, make_experience, logged_in,
                                                      query):
    make_experience(author, title="Drie delen", situation="De jeugdhulpverlening schoof aan.")
    make_experience(author, title="Ruis", situation="Iets heel anders over vergaderen.")
    logged_in()
    assert titles(client, query) == ["Drie delen"]


def test_a_three_part_query_finds_its_parts_written_apart(client, author, make_experience,
                                                          logged_in):
    make_experience(author, title="Apart", situation="Jeugd kreeg hulp; verlening van de "
                                                      "termijn volgde.")
    logged_in()
    assert titles(client, "jeugdhulpverlening") == ["Apart"]
