"""Bundels: the core team builds and orders them; readers never see what they may not see."""
from __future__ import annotations

import re

import pytest

ROLES = ["medewerker", "partner", "kernteam", "beheerder"]


def make_bundle(client, title="Regie in de wijk", visibility="met_partners", intro="Waarom."):
    response = client.submit("/bundels/nieuw", {"title": title, "intro": intro,
                                                "visibility": visibility})
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(response.headers["Location"].rsplit("/", 1)[1])


def add(client, bundle_id: int, experience_id: int, note: str = "", next_url: str = ""):
    return client.submit(f"/bundels/toevoegen/{experience_id}",
                         {"bundle": str(bundle_id), "note": note, "next": next_url},
                         page=f"/ervaringen/{experience_id}")


def item_titles(client, bundle_id: int) -> list[str]:
    page = client.get(f"/bundels/{bundle_id}").get_data(as_text=True)
    return re.findall(r'class="card__title"><a href="/ervaringen/\d+">([^<]+)</a>', page)


def item_ids(client, bundle_id: int) -> list[int]:
    page = client.get(f"/bundels/{bundle_id}").get_data(as_text=True)
    return [int(number) for number in re.findall(r'id="onderdeel-(\d+)"', page)]


@pytest.fixture
def curator(make_user):
    return make_user("kernteam", name="Kernteamlid")


@pytest.mark.parametrize("role", ROLES)
def test_only_kernteam_creates_and_fills_bundles(client, make_user, make_experience, curator,
                                                 role):
    experience = make_experience(make_user(), visibility="met_partners")
    client.login(curator.email)
    bundle = make_bundle(client)
    client.logout()
    client.login(make_user(role).email)
    may = role == "kernteam"
    assert client.get("/bundels/nieuw").status_code == (200 if may else 403)
    created = client.submit("/bundels/nieuw", {"title": "Nog een", "visibility": "intern"},
                            page="/bundels")
    assert created.status_code == (302 if may else 403)
    assert add(client, bundle, experience.id).status_code == (302 if may else 403)
    assert client.submit(f"/bundels/{bundle}/bewerken", {"title": "Anders",
                                                        "visibility": "met_partners"},
                         page="/bundels").status_code == (302 if may else 403)
    ids = item_ids(client, bundle)
    if may:
        for action in ("omhoog", "omlaag", "verwijderen"):
            url = f"/bundels/{bundle}/onderdelen/{ids[0]}/{action}"
            assert client.submit(url, page="/bundels").status_code == 302
    else:
        assert "Omhoog" not in client.get(f"/bundels/{bundle}").get_data(as_text=True)


def test_reader_never_sees_draft_internal_or_hidden_items_nor_their_count(
        client, make_user, make_experience, curator):
    author = make_user(name="Auteur")
    shared = make_experience(author, title="Gedeeld", visibility="met_partners")
    internal = make_experience(author, title="Intern", visibility="intern")
    later_hidden = make_experience(author, title="Later verborgen", visibility="met_partners")
    own = make_experience(author, title="Later concept", visibility="met_partners")
    client.login(curator.email)
    bundle = make_bundle(client)
    for experience in (shared, internal, later_hidden, own):
        assert add(client, bundle, experience.id).status_code == 302
    client.submit(f"/ervaringen/{later_hidden.id}/verbergen", {"reason": "Privacy"})
    client.logout()
    client.login(author.email)  # the author turns one back into a draft
    client.submit(f"/ervaringen/{own.id}/bewerken", {
        "title": "Later concept", "situation": "s", "lesson": "l", "kind": "les",
        "visibility": "met_partners", "version": "1", "save_draft": "1"})
    assert item_titles(client, bundle) == ["Gedeeld", "Intern", "Later verborgen",
                                           "Later concept"]
    client.logout()

    client.login(make_user().email)
    assert item_titles(client, bundle) == ["Gedeeld", "Intern"]
    assert "2 ervaringen" in client.get("/bundels").get_data(as_text=True)
    client.logout()
    client.login(make_user("partner").email)
    assert item_titles(client, bundle) == ["Gedeeld"]
    listing = client.get("/bundels").get_data(as_text=True)
    assert "1 ervaring<" in listing and "2 ervaringen" not in listing
    assert "1 ervaring)" in client.get("/").get_data(as_text=True)
    client.logout()
    client.login(curator.email)
    assert item_titles(client, bundle) == ["Gedeeld", "Intern", "Later verborgen"]


def test_internal_bundle_is_404_for_partners(client, make_user, curator):
    client.login(curator.email)
    bundle = make_bundle(client, title="Alleen intern", visibility="intern")
    client.logout()
    client.login(make_user("partner").email)
    assert client.get(f"/bundels/{bundle}").status_code == 404
    assert "Alleen intern" not in client.get("/bundels").get_data(as_text=True)


def test_build_from_search_results_and_reorder(client, make_user, make_experience, curator):
    author = make_user()
    for title in ("Eerste", "Tweede", "Derde"):
        make_experience(author, title=title, situation="wijkteam overleg")
    client.login(curator.email)
    bundle = make_bundle(client, intro="Over **regie**.")
    results = client.get("/zoeken?q=wijkteam").get_data(as_text=True)
    assert "Aan bundel toevoegen" in results
    found = re.findall(r'action="/bundels/toevoegen/(\d+)"', results)
    for experience_id in reversed(found):
        response = add(client, bundle, int(experience_id), note=f"notitie {experience_id}",
                       next_url="/zoeken?q=wijkteam")
        assert response.headers["Location"] == "/zoeken?q=wijkteam"
    order = item_titles(client, bundle)
    assert sorted(order) == ["Derde", "Eerste", "Tweede"]
    ids = item_ids(client, bundle)
    client.submit(f"/bundels/{bundle}/onderdelen/{ids[2]}/omhoog", page="/bundels")
    assert item_titles(client, bundle) == [order[0], order[2], order[1]]
    client.submit(f"/bundels/{bundle}/onderdelen/{ids[2]}/omhoog", page="/bundels")
    client.submit(f"/bundels/{bundle}/onderdelen/{ids[2]}/omhoog", page="/bundels")  # at top
    assert item_titles(client, bundle) == [order[2], order[0], order[1]]
    client.submit(f"/bundels/{bundle}/onderdelen/{ids[0]}/omlaag", page="/bundels")
    assert item_titles(client, bundle) == [order[2], order[1], order[0]]
    page = client.get(f"/bundels/{bundle}").get_data(as_text=True)
    assert "<strong>regie</strong>" in page and "notitie" in page
    note = client.submit(f"/bundels/{bundle}/onderdelen/{ids[0]}/notitie",
                         {"note": "Nieuwe notitie"})
    assert note.status_code == 302
    assert "Nieuwe notitie" in client.get(f"/bundels/{bundle}").get_data(as_text=True)
    client.submit(f"/bundels/{bundle}/onderdelen/{ids[0]}/verwijderen", page="/bundels")
    assert len(item_titles(client, bundle)) == 2


def test_bad_input_is_explained_and_kept(client, make_user, make_experience, curator):
    experience = make_experience(make_user())
    client.login(curator.email)
    response = client.submit("/bundels/nieuw", {"title": " ", "intro": "Mijn inleiding",
                                                "visibility": "overal"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Geef de bundel een titel." in page and "Mijn inleiding" in page
    assert "Kies of de bundel intern blijft" in page
    bundle = make_bundle(client)
    assert add(client, bundle, experience.id).status_code == 302
    again = add(client, bundle, experience.id, note="Tweede keer")
    assert again.status_code == 422
    assert "staat al in de bundel" in again.get_data(as_text=True)
    assert "Tweede keer" in again.get_data(as_text=True)
    none = client.submit(f"/bundels/toevoegen/{experience.id}", {"bundle": ""})
    assert none.status_code == 422 and "Kies een bundel." in none.get_data(as_text=True)
    long_note = add(client, bundle, make_experience(make_user()).id, note="x" * 1001)
    assert long_note.status_code == 422
    assert "hoogstens 1000 tekens" in long_note.get_data(as_text=True)


def test_unsafe_next_is_ignored(client, make_user, make_experience, curator):
    experience = make_experience(make_user())
    client.login(curator.email)
    bundle = make_bundle(client)
    response = add(client, bundle, experience.id, next_url="//evil.example/")
    assert response.headers["Location"] == f"/bundels/{bundle}"
