"""Highlighting, hiding and restoring experiences (kernteam), in lists, search and the audit log."""
from __future__ import annotations

import re

import pytest

from .test_audit import events
from .test_search import titles

ROLES = ("medewerker", "partner", "kernteam", "beheerder")


def card_titles(client, url: str = "/ervaringen", **args) -> list[str]:
    page = client.get(url, query_string=args).get_data(as_text=True)
    return re.findall(r'class="card__title"><a href="/ervaringen/\d+">([^<]+)</a>', page)


@pytest.fixture
def shared(make_user, make_experience):
    author = make_user(name="Auteur")
    return author, make_experience(author, title="Gedeelde les", situation="overleg",
                                   visibility="met_partners")


@pytest.mark.parametrize("role", ROLES)
def test_only_kernteam_highlights_and_hides(client, logged_in, shared, role):
    _, experience = shared
    logged_in(role)
    base = f"/ervaringen/{experience.id}"
    expected = 302 if role == "kernteam" else 403
    page = client.get(base).get_data(as_text=True)
    assert ("Uitlichten" in page) == (role == "kernteam")
    token_page = base
    assert client.submit(f"{base}/uitlichten", {"note": "Mooi voorbeeld"},
                         page=token_page).status_code == expected
    assert client.submit(f"{base}/uitlichten/weghalen", page=token_page).status_code == expected
    assert client.submit(f"{base}/verbergen", {"reason": "Bevat namen"},
                         page=token_page).status_code == expected
    assert client.submit(f"{base}/terugzetten", page=token_page).status_code == expected
    assert client.get(f"{base}/uitlichten").status_code == (200 if role == "kernteam" else 403)


def test_highlight_shows_everywhere_and_can_be_changed_and_removed(app, client, logged_in,
                                                                   shared, make_experience):
    author, experience = shared
    make_experience(author, title="Gewone les", situation="overleg")
    logged_in("kernteam")
    url = f"/ervaringen/{experience.id}"
    response = client.submit(f"{url}/uitlichten", {"note": "Laat zien hoe het kan."})
    assert response.status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert "Uitgelicht" in page and "Laat zien hoe het kan." in page
    assert card_titles(client, highlighted="ja") == ["Gedeelde les"]
    assert 'badge--highlighted' in client.get("/ervaringen").get_data(as_text=True)
    assert titles(client, "overleg", highlighted="ja") == ["Gedeelde les"]
    facets = client.get("/api/v1/search?q=overleg").get_json()["facets"]
    assert facets["highlighted"] == {"ja": 1}
    client.submit(f"{url}/uitlichten", {"note": "Nieuwe toelichting."})
    assert "Nieuwe toelichting." in client.get(url).get_data(as_text=True)
    client.submit(f"{url}/uitlichten/weghalen", page=url)
    assert card_titles(client, highlighted="ja") == []
    assert titles(client, "overleg", highlighted="ja") == []
    actions = [(e[0], e[5]) for e in events(app) if e[0].startswith("experience_")]
    assert actions == [("experience_highlighted", ""),
                       ("experience_highlighted", "toelichting gewijzigd"),
                       ("experience_unhighlighted", "")]


def test_highlight_is_not_an_edit(app, client, logged_in, shared):
    _, experience = shared
    logged_in("kernteam")
    client.submit(f"/ervaringen/{experience.id}/uitlichten", {"note": "Waardevol."})
    page = client.get(f"/ervaringen/{experience.id}").get_data(as_text=True)
    assert "versie 1" in page


@pytest.mark.parametrize("note, message", [
    ("", "Schrijf kort waarom deze ervaring ertoe doet."),
    ("x" * 301, "Gebruik hoogstens 300 tekens."),
])
def test_bad_highlight_note_keeps_the_text(client, logged_in, shared, note, message):
    _, experience = shared
    logged_in("kernteam")
    response = client.submit(f"/ervaringen/{experience.id}/uitlichten", {"note": note})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page and note in page and 'aria-invalid="true"' in page


def test_hide_and_restore_reach_lists_and_search_at_once(client, make_user, logged_in, shared):
    author, experience = shared
    reader = make_user()
    url = f"/ervaringen/{experience.id}"
    logged_in("kernteam")
    client.submit(f"{url}/uitlichten", {"note": "Eerst uitgelicht."})
    response = client.submit(f"{url}/verbergen",
                             {"reason": "Er staat een naam van een inwoner in."})
    assert response.status_code == 302
    assert "Verborgen" in client.get(url).get_data(as_text=True)
    assert titles(client, "overleg") == ["Gedeelde les"]  # kernteam still finds it
    assert titles(client, "overleg", highlighted="ja") == []  # hiding ended the highlight
    client.logout()

    client.login(reader.email)
    assert client.get(url).status_code == 404
    assert titles(client, "overleg") == [] and card_titles(client) == []
    client.logout()

    client.login(author.email)
    page = client.get(url).get_data(as_text=True)
    assert "Er staat een naam van een inwoner in." in page
    client.logout()

    logged_in("kernteam")
    client.submit(f"{url}/terugzetten", page=url)
    client.logout()
    client.login(reader.email)
    assert client.get(url).status_code == 200
    assert titles(client, "overleg") == ["Gedeelde les"]
    assert "Er staat een naam" not in client.get(url).get_data(as_text=True)


def test_hide_needs_a_reason(client, logged_in, shared):
    _, experience = shared
    logged_in("kernteam")
    response = client.submit(f"/ervaringen/{experience.id}/verbergen", {"reason": "  "})
    assert response.status_code == 422
    assert "Schrijf de reden op" in response.get_data(as_text=True)


def test_hidden_or_draft_cannot_be_highlighted(client, make_user, make_experience, logged_in):
    curator = logged_in("kernteam")
    draft = make_experience(curator, status="concept")
    response = client.submit(f"/ervaringen/{draft.id}/uitlichten", {"note": "Goed"})
    assert response.status_code == 422
    assert "Alleen een gepubliceerde ervaring" in response.get_data(as_text=True)
    other = make_experience(make_user())
    client.submit(f"/ervaringen/{other.id}/verbergen", {"reason": "Privacy"})
    response = client.submit(f"/ervaringen/{other.id}/uitlichten", {"note": "Goed"})
    assert response.status_code == 422


def test_others_draft_is_404_for_kernteam(client, make_user, make_experience, logged_in):
    draft = make_experience(make_user(), status="concept")
    logged_in("kernteam")
    assert client.submit(f"/ervaringen/{draft.id}/verbergen", {"reason": "x"},
                         page="/").status_code == 404


def test_audit_for_hiding_has_no_reason_text(app, client, logged_in, shared):
    _, experience = shared
    curator = logged_in("kernteam")
    client.submit(f"/ervaringen/{experience.id}/verbergen", {"reason": "Geheime reden"})
    client.submit(f"/ervaringen/{experience.id}/terugzetten", page="/")
    recorded = [e for e in events(app) if e[0].startswith("experience_")]
    assert [(e[0], e[2], e[4]) for e in recorded] == [
        ("experience_hidden", curator.id, experience.id),
        ("experience_unhidden", curator.id, experience.id)]
    assert "Geheime" not in repr(events(app))
