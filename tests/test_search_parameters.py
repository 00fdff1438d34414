"""Issue 14, items 6 and 7: related experiences wait for the index; paging, facets with OF and
invalid facet values, through /zoeken and /api/v1/search alike."""
from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from rugzak.extensions import db
from rugzak.search.log import SearchLog

from .test_search import titles

WERK, JEUGD, ZORG = "werk-en-inkomen", "jeugd-en-onderwijs", "zorg-en-welzijn-wmo"


@pytest.fixture
def author(make_user):
    return make_user(name="Schrijver")


def logged_queries(app) -> list[tuple[str, int]]:
    with app.app_context():
        return [(row.query, row.hits) for row in db.session.scalars(select(SearchLog))]


# -- item 6: related experiences ----------------------------------------------------------

def test_related_experiences_show_right_after_publishing(app, client, author, make_experience,
                                                         logged_in, monkeypatch):
    for number in range(3):
        make_experience(author, title=f"Schuldhulp {number}",
                        situation="schuldhulp budgetcoach werkgever schulden")
    logged_in()
    client.get("/zoeken")  # the index has the older experiences
    service = app.extensions["rugzak.search"]
    catch_up = service.catch_up

    def busy_indexer():  # the indexer needs a moment, as on a busy server
        time.sleep(0.3)
        return catch_up()

    monkeypatch.setattr(service, "catch_up", busy_indexer)
    response = client.submit("/ervaringen/nieuw", {
        "title": "Budgetcoach bij de werkgever", "kind": "les", "visibility": "intern",
        "situation": "schuldhulp budgetcoach werkgever schulden", "lesson": "Het werkt.",
        "publish": "1"})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    related = page.split("Vergelijkbare ervaringen")[1]
    assert "Nog geen vergelijkbare ervaringen" not in related
    assert all(f"Schuldhulp {number}" in related for number in range(3))


# -- item 7a: a page past the end -----------------------------------------------------------

def test_a_page_past_the_end_shows_the_last_page(client, author, make_experience, logged_in):
    for title in ("Buurtkamer open", "Buurtkamer dicht"):
        make_experience(author, title=title, situation="In de buurtkamer.")
    logged_in()
    page = client.get("/zoeken?q=buurtkamer&page=50").get_data(as_text=True)
    assert "2 ervaringen gevonden" in page and "Niets gevonden" not in page
    assert sorted(titles(client, "buurtkamer", page="50")) == ["Buurtkamer dicht",
                                                               "Buurtkamer open"]
    result = client.get("/api/v1/search?q=buurtkamer&page=50").get_json()
    assert (result["total"], result["page"], result["pages"]) == (2, 1, 1)
    assert len(result["results"]) == 2


def test_a_page_past_the_end_of_several_pages(client, author, make_experience, logged_in):
    for number in range(12):
        make_experience(author, title=f"Buurtkamer {number:02d}", situation="buurtkamer")
    logged_in()
    page = client.get("/zoeken?q=buurtkamer&page=50").get_data(as_text=True)
    assert "Pagina 2 van 2" in page and 'rel="next"' not in page
    assert len(titles(client, "buurtkamer", page="50")) == 2
    result = client.get("/api/v1/search?q=buurtkamer&page=50&per_page=5").get_json()
    assert (result["page"], result["pages"], len(result["results"])) == (3, 3, 2)


def test_no_results_says_so_once(client, logged_in):
    logged_in()
    page = client.get("/zoeken?q=onvindbaar&page=3").get_data(as_text=True)
    assert "0 ervaringen gevonden" in page and "Niets gevonden" in page
    result = client.get("/api/v1/search?q=onvindbaar&page=3").get_json()
    assert (result["total"], result["page"], result["pages"]) == (0, 1, 0)


# -- item 7b: several values of one facet -------------------------------------------------

@pytest.fixture
def three_departments(author, make_experience):
    for title, department in (("Werk", WERK), ("Jeugd", JEUGD), ("Zorg", ZORG)):
        make_experience(author, title=title, situation="overleg", departments=[department])


def test_several_values_of_one_facet_combine_with_or(client, three_departments, logged_in):
    logged_in()
    assert sorted(titles(client, "overleg", department=[WERK, JEUGD])) == ["Jeugd", "Werk"]
    result = client.get(f"/api/v1/search?q=overleg&department={WERK}&department={JEUGD}"
                        ).get_json()
    assert sorted(hit["title"] for hit in result["results"]) == ["Jeugd", "Werk"]
    assert result["total"] == 2
    # Counts of a chosen facet say what adding a value would add; other facets narrow.
    assert result["facets"]["department"] == {WERK: 1, JEUGD: 1, ZORG: 1}
    assert sum(result["facets"]["kind"].values()) == 2


def test_facet_links_add_and_remove_a_second_value(client, three_departments, logged_in):
    logged_in()
    page = client.get(f"/zoeken?q=overleg&department={WERK}").get_data(as_text=True)
    assert f'href="/zoeken?q=overleg&amp;department={WERK}&amp;department={JEUGD}"' in page
    both = client.get(f"/zoeken?q=overleg&department={WERK}&department={JEUGD}"
                      ).get_data(as_text=True)
    assert both.count('aria-current="true"') == 2
    assert f'href="/zoeken?q=overleg&amp;department={JEUGD}" aria-current="true"' in both
    # The search form keeps both values when the words change.
    assert both.count('type="hidden" name="department"') == 2


def test_several_conditions_with_one_effect(client, author, make_experience, logged_in):
    make_experience(author, title="Open", situation="overleg",
                    conditions={"transparantie": "hielp"})
    make_experience(author, title="Vertrouwd", situation="overleg",
                    conditions={"vertrouwen-en-aanspreken": "hielp"})
    make_experience(author, title="Gemist", situation="overleg",
                    conditions={"transparantie": "ontbrak"})
    logged_in()
    assert sorted(titles(client, "overleg", effect="hielp",
                         condition=["transparantie", "vertrouwen-en-aanspreken"])) == [
        "Open", "Vertrouwd"]
    page = client.get("/zoeken?q=overleg&condition=transparantie&effect=hielp"
                      ).get_data(as_text=True)
    assert ("condition=transparantie&amp;condition=vertrouwen-en-aanspreken&amp;effect=hielp"
            in page)


def test_or_facets_never_count_what_the_searcher_may_not_see(client, author, make_experience,
                                                             logged_in):
    make_experience(author, title="Gedeeld werk", situation="overleg", departments=[WERK],
                    visibility="met_partners")
    make_experience(author, title="Intern jeugd", situation="overleg", departments=[JEUGD],
                    visibility="intern")
    make_experience(author, title="Intern zorg", situation="overleg", departments=[ZORG],
                    visibility="intern")
    logged_in("partner")
    assert titles(client, "overleg", department=[WERK, JEUGD]) == ["Gedeeld werk"]
    result = client.get(f"/api/v1/search?q=overleg&department={WERK}&department={JEUGD}"
                        ).get_json()
    assert result["total"] == 1 and result["facets"]["department"] == {WERK: 1}
    page = client.get(f"/zoeken?q=overleg&department={WERK}").get_data(as_text=True)
    assert JEUGD not in page and ZORG not in page


def test_the_api_schema_lists_repeatable_facets(client, api_user):
    _, headers = api_user()
    spec = client.get("/api/v1/openapi.json", headers=headers).get_json()
    parameters = {parameter["name"]: parameter
                  for parameter in spec["paths"]["/api/v1/search"]["get"]["parameters"]}
    for name in ("department", "condition", "goal", "kind", "partner", "year"):
        assert parameters[name]["schema"]["type"] == "array", name
        assert parameters[name]["schema"]["items"]["type"] == "string"
    assert parameters["q"]["schema"]["type"] == "string"


# -- item 7c: invalid facet values ----------------------------------------------------------

@pytest.mark.parametrize("args, field, message", [
    ({"year": "abc"}, "year", "vier cijfers"),
    ({"department": "onbekend"}, "department", "Onbekende afdeling: onbekend."),
    ({"department": [WERK, "nergens"]}, "department", "Onbekende afdeling: nergens."),
    ({"kind": "raar"}, "kind", "Onbekende soort ervaring: raar."),
    ({"condition": "transparantie", "effect": "soms"}, "effect", "hielp of ontbrak"),
    ({"highlighted": "misschien"}, "highlighted", "uitgelichte"),
])
def test_an_invalid_facet_value_is_explained_and_not_logged(app, client, author, make_experience,
                                                            logged_in, args, field, message):
    make_experience(author, title="Buurtkamer", situation="buurtkamer", departments=[WERK])
    logged_in()
    page = client.get("/zoeken", query_string={"q": "buurtkamer", **args})
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and message in text and "Foutcode" not in text
    assert 'href="/zoeken?q=buurtkamer">Zoek zonder filters' in text
    api = client.get("/api/v1/search", query_string={"q": "buurtkamer", **args})
    assert api.status_code == 422 and message in api.get_json()["fields"][field]
    assert logged_queries(app) == []
    client.get("/zoeken?q=buurtkamer")
    assert logged_queries(app) == [("buurtkamer", 1)]


def test_an_invalid_facet_value_in_a_report_is_refused(client, logged_in):
    logged_in()
    response = client.get("/verslag/zoekopdracht?q=overleg&year=abc")
    assert response.status_code == 422
    assert "vier cijfers" in response.get_data(as_text=True)


def test_a_retired_department_is_still_a_valid_filter(app, client, author, make_experience,
                                                      logged_in):
    from rugzak.taxonomy.models import Department

    make_experience(author, title="Oud", situation="overleg", departments=[ZORG])
    with app.app_context():
        db.session.scalar(select(Department).filter_by(slug=ZORG)).active = False
        db.session.commit()
    logged_in()
    assert titles(client, "overleg", department=ZORG) == ["Oud"]
    assert client.get(f"/api/v1/search?q=overleg&department={ZORG}").get_json()["total"] == 1
