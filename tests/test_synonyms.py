"""/beheer/synoniemen: the core team keeps synonym groups; search applies them at once."""
from __future__ import annotations

import re

import pytest
from markupsafe import escape

from rugzak.audit.models import Action

from .test_audit import events
from .test_search import titles

PAGE = "/beheer/synoniemen"


def add(client, terms: str):
    return client.submit(PAGE, {"members": terms})


def group_id(client) -> int:
    page = client.get(PAGE).get_data(as_text=True)
    return int(re.search(r'href="/beheer/synoniemen/(\d+)"', page).group(1))


@pytest.fixture
def stories(make_user, make_experience):
    author = make_user()
    make_experience(author, title="Naasten", situation="Een naaste zorgde al jaren voor haar.",
                    visibility="met_partners")
    make_experience(author, title="Eerder", situation="We wilden signalen eerder oppakken.")
    make_experience(author, title="Ruis", situation="Iets heel anders over vergaderen.")


def test_a_kernteam_member_adds_a_group_and_search_finds_through_it(app, client, logged_in,
                                                                   stories):
    keeper = logged_in("kernteam", name="Karin Kern")
    assert titles(client, "mantelzorger") == []
    response = add(client, "Mantelzorger,  naaste ")
    assert response.status_code == 302
    page = client.get(PAGE).get_data(as_text=True)
    assert "mantelzorger · naaste" in page and "Karin Kern" in page
    assert titles(client, "mantelzorger") == ["Naasten"]  # no rebuild needed
    assert titles(client, "naaste") == ["Naasten"]
    result = client.get("/api/v1/search?q=mantelzorger").get_json()
    assert [hit["title"] for hit in result["results"]] == ["Naasten"]
    assert (Action.TAXONOMY_CHANGED, "success", keeper.id, "synonym_groups") == \
        events(app)[-1][:4]
    assert "synoniemen toegevoegd: mantelzorger ≈ naaste" in events(app)[-1][5]


def test_a_phrase_is_a_member_too(client, logged_in, stories):
    logged_in("kernteam")
    add(client, "vroegsignalering, signalen eerder oppakken")
    assert titles(client, "vroegsignalering") == ["Eerder"]
    assert titles(client, '"signalen eerder oppakken"') == ["Eerder"]
    assert titles(client, "vroegsignalering NIET signalen") == []


def test_edit_and_delete_count_from_the_next_search(app, client, logged_in, stories):
    logged_in("beheerder")
    add(client, "mantelzorger, verzorger")
    assert titles(client, "mantelzorger") == []
    number = group_id(client)
    response = client.submit(f"{PAGE}/{number}", {"members": "mantelzorger, naaste"})
    assert response.status_code == 302
    assert titles(client, "mantelzorger") == ["Naasten"]
    assert "synoniemen gewijzigd: mantelzorger ≈ verzorger → mantelzorger ≈ naaste" \
        == events(app)[-1][5]
    assert client.submit(f"{PAGE}/{number}/verwijderen", page=PAGE).status_code == 302
    assert titles(client, "mantelzorger") == []
    assert "Er zijn nog geen synoniemen." in client.get(PAGE).get_data(as_text=True)
    assert events(app)[-1][5] == "synoniemen verwijderd: mantelzorger ≈ naaste"


@pytest.mark.parametrize("terms, message", [
    ("mantelzorger", "Vul ten minste twee verschillende woorden of zinsdelen in"),
    ("naaste, Naaste", "Vul ten minste twee verschillende woorden of zinsdelen in"),
    ('naaste, "mantelzorger" OF', "kan niet: gebruik letters, cijfers, koppeltekens en spaties"),
    ("naaste, een heel erg lange zin van woorden", "is te lang"),
    ("wijkteam, buurtteam", "staat al in een andere groep (buurtteam, wijkteam)"),
])
def test_bad_input_gets_a_dutch_message_and_keeps_what_was_typed(client, logged_in, terms,
                                                                 message):
    logged_in("kernteam")
    add(client, "buurtteam, wijkteam")
    response = add(client, terms)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in page.replace("&#39;", "'").replace("&#34;", '"')
    assert 'aria-invalid="true"' in page
    assert f'value="{escape(terms)}"' in page


def test_an_edit_may_keep_its_own_members(client, logged_in):
    logged_in("kernteam")
    add(client, "buurtteam, wijkteam")
    number = group_id(client)
    assert client.submit(f"{PAGE}/{number}", {"members": "wijkteam, buurtteam, sociaal team"}
                         ).status_code == 302
    assert "wijkteam · buurtteam · sociaal team" in client.get(PAGE).get_data(as_text=True)


@pytest.mark.parametrize("role", ["medewerker", "partner"])
def test_others_may_not_keep_synonyms(app, client, make_user, logged_in, role):
    client.login(make_user("kernteam").email)
    add(client, "mantelzorger, naaste")
    number = group_id(client)
    client.logout()
    logged_in(role)
    assert client.get(PAGE).status_code == 403
    assert add(client, "budget, geld").status_code == 403
    assert client.get(f"{PAGE}/{number}").status_code == 403
    assert client.submit(f"{PAGE}/{number}", {"members": "a, b"}, page="/").status_code == 403
    assert client.submit(f"{PAGE}/{number}/verwijderen", page="/").status_code == 403
    assert "Synoniemen" not in client.get("/beheer").get_data(as_text=True)
    assert client.get(f"{PAGE}/999").status_code == 403


def test_a_missing_group_is_not_found(client, logged_in):
    logged_in("kernteam")
    assert client.get(f"{PAGE}/999").status_code == 404


def test_linked_from_beheer_and_taxonomy_and_prefilled_from_a_query(client, logged_in):
    logged_in("kernteam")
    assert f'href="{PAGE}"' in client.get("/beheer").get_data(as_text=True)
    assert f'href="{PAGE}"' in client.get("/beheer/taxonomie").get_data(as_text=True)
    page = client.get(PAGE, query_string={"woord": "vroegsignalering"}).get_data(as_text=True)
    assert 'value="vroegsignalering, "' in page


def test_a_search_that_found_nothing_links_to_adding_a_synonym(client, make_user, logged_in,
                                                               stories):
    client.login(make_user().email)
    client.get("/zoeken", query_string={"q": "mantelzorger"})
    client.logout()
    logged_in("kernteam")
    page = client.get("/inzicht").get_data(as_text=True)
    link = f'href="{PAGE}?woord=mantelzorger#nieuw"'
    assert link in page and "Synoniem toevoegen" in page
    form = client.get(f"{PAGE}?woord=mantelzorger").get_data(as_text=True)
    assert 'value="mantelzorger, "' in form
    add(client, "mantelzorger, naaste")
    assert titles(client, "mantelzorger") == ["Naasten"]


def test_the_api_keeps_synonyms_with_the_same_rules(app, client, api_user, stories):
    _, headers = api_user("kernteam")
    created = client.post("/api/v1/synonyms", json={"members": ["Mantelzorger", "naaste"]},
                          headers=headers)
    assert created.status_code == 201, created.get_json()
    group = created.get_json()
    assert group["members"] == ["mantelzorger", "naaste"] and group["updated_by"] is None
    listed = client.get("/api/v1/synonyms", headers=headers).get_json()["items"]
    assert [item["members"] for item in listed] == [["mantelzorger", "naaste"]]
    refused = client.post("/api/v1/synonyms", json={"members": ["naaste", "buur"]},
                          headers=headers)
    assert refused.status_code == 422
    assert "staat al in een andere groep" in refused.get_json()["fields"]["members"]
    changed = client.put(f"/api/v1/synonyms/{group['id']}",
                         json={"members": ["mantelzorger", "verzorger"]}, headers=headers)
    assert changed.status_code == 200 and changed.get_json()["updated_by"]
    search = client.get("/api/v1/search?q=mantelzorger", headers=headers).get_json()
    assert search["total"] == 0
    assert client.delete(f"/api/v1/synonyms/{group['id']}", headers=headers).status_code == 204
    assert client.get("/api/v1/synonyms", headers=headers).get_json()["items"] == []
    _, other = api_user("medewerker")
    assert client.get("/api/v1/synonyms", headers=other).status_code == 403


def test_the_audit_log_names_the_synonym_group(client, make_user, logged_in):
    client.login(make_user("kernteam").email)
    add(client, "mantelzorger, naaste")
    client.logout()
    logged_in("beheerder")
    page = client.get("/beheer/audit").get_data(as_text=True)
    assert "synoniemengroep" in page and "synoniemen toegevoegd: mantelzorger ≈ naaste" in page
