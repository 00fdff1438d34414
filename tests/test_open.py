"""Sharing openly (issue 18): consent, the core team's preview and publication, the pages and
open data for the world, withdrawals as tombstones; nothing internal ever leaks."""
from __future__ import annotations

import re

import feedparser
import pytest
from rdflib import Graph, Namespace
from rdflib.namespace import RDF

from rugzak.auth.models import User
from rugzak.bundles.services import BundleInput, add_item, create_bundle
from rugzak.experiences.models import Experience
from rugzak.extensions import db

from .test_audit import events

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
MUNICIPALITY = "Gemeente Testdorp"
AUTHOR = "Annemarie Schrijfster"
SECRET = "geheimzinnigwoord"  # only in experiences that are never shared openly
WORLD_ROUTES = ("/open", "/open/feed.atom", "/open/catalogus.jsonld",
                "/open/api/v1/experiences", "/open/api/v1/bundles")


@pytest.fixture
def world(app):
    app.config["MUNICIPALITY"] = MUNICIPALITY
    return app


@pytest.fixture
def author(make_user):
    return make_user(name=AUTHOR)


@pytest.fixture
def keeper(api_user):
    return api_user("kernteam")


def consented(make_experience, author, **values):
    values.setdefault("open_consent", True)
    return make_experience(author, **values)


def share(client, headers, experience_id, method="PUT"):
    return client.open(f"/api/v1/experiences/{experience_id}/open", method=method,
                       headers=headers)


def world_text(client, open_ids=()) -> str:
    """Everything the world can read: pages, search, open data, feed and catalogue."""
    urls = [*WORLD_ROUTES, *(f"/open/{i}" for i in open_ids)]
    return "\n".join(client.get(url).get_data(as_text=True) for url in urls)


def test_consent_is_off_by_default_and_set_on_the_form(client, logged_in):
    logged_in()
    base = {"title": "Samen", "situation": "Overleg", "lesson": "Afspreken", "kind": "les",
            "visibility": "intern", "publish": "1"}
    assert client.submit("/ervaringen/nieuw", base, page="/ervaringen/nieuw").status_code == 302
    form = client.get("/ervaringen/nieuw").get_data(as_text=True)
    assert "Mag openbaar gedeeld worden" in form
    assert client.submit("/ervaringen/nieuw", {**base, "open_consent": "y"},
                         page="/ervaringen/nieuw").status_code == 302
    items = client.get("/api/v1/experiences").get_json()["items"]
    assert sorted(item["open_consent"] for item in items) == [False, True]


def test_core_team_previews_exactly_what_the_world_sees_then_publishes(
        app, world, client, author, make_experience, logged_in):
    experience = consented(make_experience, author, title="Warme overdracht",
                           situation="Het wijkteam en de school spraken af.",
                           tags=["wijkteam"], visibility="intern")
    keeper = logged_in("kernteam")
    page = client.get(f"/ervaringen/{experience.id}").get_data(as_text=True)
    assert "Openbaar delen…" in page
    preview = client.get(f"/ervaringen/{experience.id}/openbaar").get_data(as_text=True)
    assert "Warme overdracht" in preview and "maart 2025" in preview
    assert f"een medewerker van Werk en Inkomen, {MUNICIPALITY}" in preview
    assert AUTHOR not in preview.split("<main", 1)[1]
    assert client.submit(f"/ervaringen/{experience.id}/openbaar").status_code == 302
    open_id = client.get("/open/api/v1/experiences").get_json()["items"][0]["id"]
    client.logout()
    anonymous = app.test_client()
    item = anonymous.get(f"/open/{open_id}")
    assert item.status_code == 200
    text = item.get_data(as_text=True)
    assert "Het wijkteam en de school spraken af." in text and MUNICIPALITY in text
    assert "CC BY 4.0" in text and AUTHOR not in text and "Uitloggen" not in text
    assert any(e[0] == "open_published" and e[2] == keeper.id and e[3] == "experiences"
               for e in events(app))


def test_only_what_may_be_shared_is_shared(client, author, make_experience, keeper):
    _, headers = keeper
    draft = consented(make_experience, author, status="concept")
    without = make_experience(author)
    response = share(client, headers, without.id)
    assert response.status_code == 422
    assert "geen toestemming" in response.get_json()["fields"]["open"]
    assert share(client, headers, draft.id).status_code == 404  # only its author sees a draft
    assert client.get("/open/api/v1/experiences").get_json()["total"] == 0
    assert client.put(f"/api/v1/experiences/{without.id}/open").status_code == 401


def test_publishing_runs_the_resident_data_check_again(client, author, make_experience,
                                                       keeper, logged_in):
    _, headers = keeper
    experience = consented(make_experience, author, situation="Bel 06-12345678 voor hulp.",
                           confirm_privacy=True)  # confirmed inside: still refused outside
    response = share(client, headers, experience.id)
    assert response.status_code == 422
    assert response.get_json()["findings"][0]["kind"] == "telefoon"
    logged_in("kernteam")
    preview = client.get(f"/ervaringen/{experience.id}/openbaar").get_data(as_text=True)
    assert "Mogelijke gegevens van inwoners" in preview and "Ja, deel dit openbaar" not in preview
    assert client.submit(f"/ervaringen/{experience.id}/openbaar").status_code == 422
    assert client.get("/open/api/v1/experiences").get_json()["total"] == 0


def test_nothing_internal_reaches_the_world(app, client, author, make_experience, keeper):
    _, headers = keeper
    shared = consented(make_experience, author, title="Openbare les", visibility="intern")
    consented(make_experience, author, title=f"Toestemming maar niet gedeeld {SECRET}",
              situation=SECRET, visibility="intern")
    make_experience(author, title=f"Intern zonder toestemming {SECRET}", situation=SECRET,
                    lesson=SECRET, visibility="intern")
    open_id = share(client, headers, shared.id).get_json()["open_id"]
    anonymous = app.test_client()
    text = world_text(anonymous, [open_id])
    assert "Openbare les" in text
    assert SECRET not in text and AUTHOR not in text
    assert "Intern zonder toestemming" not in text
    found = anonymous.get(f"/open?q={SECRET}").get_data(as_text=True)
    assert "Geen openbare ervaringen gevonden" in found
    for other in range(open_id + 1, open_id + 4):
        assert anonymous.get(f"/open/{other}").status_code == 404


def test_withdrawals_leave_tombstones_and_paging_follows_updated_since(
        app, client, author, make_experience, keeper):
    _, headers = keeper
    ids = [share(client, headers, consented(make_experience, author, title=f"Les {n}").id
                 ).get_json()["open_id"] for n in range(3)]
    first = client.get("/open/api/v1/experiences?per_page=2").get_json()
    assert (first["total"], first["pages"], len(first["items"])) == (3, 2, 2)
    second = client.get("/open/api/v1/experiences?per_page=2&page=2").get_json()
    assert [item["id"] for item in first["items"] + second["items"]] == ids
    since = second["items"][0]["updated_at"]
    with app.app_context():
        experience_id = db.session.scalars(
            db.select(Experience.id).where(Experience.title == "Les 0")).one()
    response = share(client, headers, experience_id, method="DELETE")
    assert response.get_json()["shared"] is False
    changed = client.get("/open/api/v1/experiences", query_string={"updated_since": since})
    body = changed.get_json()
    assert [item["id"] for item in body["items"]] == [ids[2]]
    assert body["withdrawn"] == [{"id": ids[0], "withdrawn_at": body["withdrawn"][0][
        "withdrawn_at"]}]
    assert client.get(f"/open/{ids[0]}").status_code == 404
    again = share(client, headers, experience_id).get_json()
    assert again["open_id"] == ids[0] and again["shared"] is True  # the id stays stable
    assert [e[0] for e in events(app)].count("open_withdrawn") == 1


def test_withdrawing_consent_or_adding_resident_data_withdraws(
        app, client, author, make_experience, keeper, token_for):
    _, headers = keeper
    own = token_for(author)
    first = consented(make_experience, author, title="Eerste")
    second = consented(make_experience, author, title="Tweede")
    for experience in (first, second):
        share(client, headers, experience.id)
    current = client.get(f"/api/v1/experiences/{first.id}", headers=own).get_json()
    assert client.put(f"/api/v1/experiences/{first.id}", headers=own, json={
        "version": current["version"], "open_consent": False}).status_code == 200
    current = client.get(f"/api/v1/experiences/{second.id}", headers=own).get_json()
    assert client.put(f"/api/v1/experiences/{second.id}", headers=own, json={
        "version": current["version"], "situation": "Mail jan@example.org even.",
        "confirm_privacy": True}).status_code == 200
    body = client.get("/open/api/v1/experiences").get_json()
    assert body["items"] == [] and len(body["withdrawn"]) == 2
    details = [e[5] for e in events(app) if e[0] == "open_withdrawn"]
    assert any("toestemming ingetrokken" in d for d in details)
    assert any("gegevens van inwoners" in d for d in details)


def test_an_edit_moves_the_open_copy_along(client, author, make_experience, keeper, token_for):
    _, headers = keeper
    own = token_for(author)
    experience = consented(make_experience, author, title="Voor")
    share(client, headers, experience.id)
    before = client.get("/open/api/v1/experiences").get_json()["items"][0]
    current = client.get(f"/api/v1/experiences/{experience.id}", headers=own).get_json()
    client.put(f"/api/v1/experiences/{experience.id}", headers=own,
               json={"version": current["version"], "title": "Na"})
    after = client.get("/open/api/v1/experiences").get_json()["items"][0]
    assert (after["id"], after["title"]) == (before["id"], "Na")
    assert after["updated_at"] > before["updated_at"]


def test_bundles_show_only_their_openly_shared_items(app, client, author, make_experience,
                                                     keeper):
    keeper_ref, headers = keeper
    shared = consented(make_experience, author, title="Gedeeld in bundel")
    internal = make_experience(author, title=f"Intern in bundel {SECRET}")
    share(client, headers, shared.id)
    with app.app_context():
        actor = db.session.get(User, keeper_ref.id)
        bundle = create_bundle(actor, BundleInput(title="Regie", intro="Over regie."))
        for experience in (shared, internal):
            add_item(actor, bundle, db.session.get(Experience, experience.id), SECRET)
        bundle_id = bundle.id
    response = client.put(f"/api/v1/bundles/{bundle_id}/open", headers=headers)
    assert response.status_code == 200
    open_id = response.get_json()["open_id"]
    anonymous = app.test_client()
    page = anonymous.get(f"/open/bundels/{open_id}").get_data(as_text=True)
    assert "Gedeeld in bundel" in page and "Over regie." in page
    assert "Intern in bundel" not in page and SECRET not in page
    listed = anonymous.get("/open/api/v1/bundles").get_json()["items"]
    assert [item["title"] for item in listed[0]["items"]] == ["Gedeeld in bundel"]
    client.delete(f"/api/v1/bundles/{bundle_id}/open", headers=headers)
    assert anonymous.get(f"/open/bundels/{open_id}").status_code == 404
    assert anonymous.get("/open/api/v1/bundles").get_json()["withdrawn"][0]["id"] == open_id


def test_no_open_route_sets_a_cookie(app, client, author, make_experience, keeper):
    _, headers = keeper
    open_id = share(client, headers, consented(make_experience, author).id
                    ).get_json()["open_id"]
    anonymous = app.test_client()
    urls = [*WORLD_ROUTES, "/open?q=les", f"/open/{open_id}", "/open/999999",
            "/open?q=%22", "/open/api/v1/experiences?updated_since=gisteren",
            "/open/api/v1/experiences?page=0", "/open/bundels/999999"]
    for url in urls:
        response = anonymous.get(url)
        assert response.status_code < 500, url
        assert "Set-Cookie" not in response.headers, url


def test_bad_parameters_get_a_dutch_answer(client):
    response = client.get("/open/api/v1/experiences?updated_since=gisteren")
    assert response.status_code == 422
    assert "ISO 8601" in response.get_json()["fields"]["updated_since"]
    assert client.get("/open/api/v1/bundles?page=0").status_code == 422
    edge = client.get("/open/api/v1/experiences?updated_since=0001-01-01T00:00:00%2B01:00")
    assert edge.status_code == 422 and "kalender" in edge.get_json()["fields"]["updated_since"]
    assert client.get("/open/999999").status_code == 404
    assert "bestaat niet" in client.get("/open/api/v1/nergens").get_json()["error"]


def test_the_atom_feed_parses(world, client, author, make_experience, keeper):
    _, headers = keeper
    for title in ("Eerste les", "Tweede les"):
        share(client, headers, consented(make_experience, author, title=title).id)
    response = client.get("/open/feed.atom")
    assert response.mimetype == "application/atom+xml"
    feed = feedparser.parse(response.data)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert [entry.title for entry in feed.entries] == ["Tweede les", "Eerste les"]
    assert MUNICIPALITY in feed.feed.title
    assert all(AUTHOR not in entry.author for entry in feed.entries)


def test_the_catalogue_is_dcat_in_json_ld(world, client, author, make_experience, keeper):
    _, headers = keeper
    share(client, headers, consented(make_experience, author).id)
    response = client.get("/open/catalogus.jsonld")
    assert response.mimetype == "application/ld+json"
    graph = Graph().parse(data=response.get_data(as_text=True), format="json-ld")
    catalogue = next(graph.subjects(RDF.type, DCAT.Catalog))
    dataset = next(graph.objects(catalogue, DCAT.dataset))
    assert (dataset, RDF.type, DCAT.Dataset) in graph
    urls = {str(url) for distribution in graph.objects(dataset, DCAT.distribution)
            for url in graph.objects(distribution, DCAT.accessURL)}
    assert urls == {"http://localhost/open/api/v1/experiences",
                    "http://localhost/open/feed.atom"}
    assert str(graph.value(dataset, DCT.license)) == "https://creativecommons.org/licenses/by/4.0/"
    assert graph.value(catalogue, DCT.modified) is not None


def test_the_open_api_is_in_the_openapi_document(client, api_user):
    _, headers = api_user()
    paths = client.get("/api/v1/openapi.json", headers=headers).get_json()["paths"]
    assert {"/open/api/v1/experiences", "/open/api/v1/bundles",
            "/api/v1/experiences/{experience_id}/open"} <= set(paths)


def test_the_world_is_rate_limited_per_client(app, client):
    app.config["OPEN_REQUESTS_PER_MINUTE"] = 3
    statuses = [client.get("/open/api/v1/experiences").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert re.search(r"Te veel verzoeken", client.get("/open").get_data(as_text=True))
    assert "Set-Cookie" not in client.get("/open").headers
    other = app.test_client()
    assert other.get("/open", environ_base={"REMOTE_ADDR": "10.0.0.9"}).status_code == 200


def test_erasing_an_author_with_their_experiences_leaves_a_tombstone(
        app, client, author, make_experience, keeper, logged_in):
    _, headers = keeper
    open_id = share(client, headers, consented(make_experience, author).id
                    ).get_json()["open_id"]
    logged_in("beheerder")
    url = f"/beheer/gebruikers/{author.id}/wissen"
    response = client.submit(url, {"understood": "y", "delete_experiences": "y"}, page=url)
    assert response.status_code == 302
    body = client.get("/open/api/v1/experiences").get_json()
    assert body["items"] == [] and [t["id"] for t in body["withdrawn"]] == [open_id]
    assert client.get(f"/open/{open_id}").status_code == 404
    assert any(e[0] == "open_withdrawn" and "gewist" in e[5] for e in events(app))


def test_restoring_an_earlier_version_keeps_the_open_sharing(client, author, make_experience,
                                                             keeper, token_for):
    _, headers = keeper
    own = token_for(author)
    experience = consented(make_experience, author, title="Eerste titel")
    current = client.get(f"/api/v1/experiences/{experience.id}", headers=own).get_json()
    client.put(f"/api/v1/experiences/{experience.id}", headers=own,
               json={"version": current["version"], "title": "Tweede titel"})
    open_id = share(client, headers, experience.id).get_json()["open_id"]
    client.login(author.email)
    history = f"/ervaringen/{experience.id}/geschiedenis"
    response = client.submit(f"{history}/1/terugzetten", {"version": str(current["version"] + 1)},
                             page=history)
    assert response.status_code == 302
    assert "Eerste titel" in client.get(f"/open/{open_id}").get_data(as_text=True)


def test_an_edit_that_puts_resident_data_in_an_open_bundle_withdraws_it(app, client, keeper):
    keeper_ref, headers = keeper
    with app.app_context():
        bundle_id = create_bundle(db.session.get(User, keeper_ref.id),
                                  BundleInput(title="Regie", intro="Over regie.")).id
    open_id = client.put(f"/api/v1/bundles/{bundle_id}/open", headers=headers
                         ).get_json()["open_id"]
    assert client.put(f"/api/v1/bundles/{bundle_id}", headers=headers, json={
        "title": "Regie", "intro": "Vragen? Bel 06-12345678.", "confirm_privacy": True,
    }).status_code == 200
    assert client.get(f"/open/bundels/{open_id}").status_code == 404
    body = client.get("/open/api/v1/bundles").get_json()
    assert body["items"] == [] and body["withdrawn"][0]["id"] == open_id
    assert any(e[0] == "open_withdrawn" and e[3] == "bundles" for e in events(app))
