"""Languages: the browser's preference before sign-in, the user's choice after; formats follow."""
import re
from datetime import date

import pytest
from flask import render_template_string

from .test_audit import events

ENGLISH = {"Accept-Language": "en-GB,en;q=0.9,nl;q=0.5"}


@pytest.mark.parametrize("header, lang, heading", [
    ("en-GB,en;q=0.9", "en", "Sign in to Rugzak"),
    ("nl-NL,nl;q=0.9,en;q=0.5", "nl", "Inloggen bij Rugzak"),
    ("de-DE,de;q=0.9", "nl", "Inloggen bij Rugzak"),
    ("", "nl", "Inloggen bij Rugzak"),
])
def test_before_sign_in_the_browser_chooses(client, header, lang, heading):
    page = client.get("/inloggen", headers={"Accept-Language": header}).get_data(as_text=True)
    assert f'<html lang="{lang}">' in page
    assert heading in page


def test_a_failed_sign_in_answers_in_the_browser_language(client, make_user):
    user = make_user()
    response = client.submit("/inloggen", {"email": user.email, "password": "x" * 12},
                             headers=ENGLISH)
    assert response.status_code == 401
    assert "This email address and password do not match" in response.get_data(as_text=True)


def test_the_users_choice_wins_over_the_browser(app, client, logged_in):
    user = logged_in("medewerker")
    page = client.get("/taal").get_data(as_text=True)
    assert re.search(r'<input checked [^>]*id="locale-0" name="locale" type="radio" value="nl">',
                     page)
    assert re.search(r'<div class="[^"]*\bchoice" lang="en">', page)
    response = client.submit("/taal", {"locale": "en"}, headers={"Accept-Language": "nl"})
    assert response.status_code == 302
    page = client.get("/taal", headers={"Accept-Language": "nl"}).get_data(as_text=True)
    assert '<html lang="en">' in page
    assert "Rugzak now speaks English." in page
    assert re.search(r'<input checked [^>]*id="locale-1" name="locale" type="radio" value="en">',
                     page)
    assert ("user_changed", "success", user.id, "users", user.id, "taal: en") in events(app)

    client.submit("/taal", {"locale": "nl"}, headers=ENGLISH)
    page = client.get("/", headers=ENGLISH).get_data(as_text=True)
    assert '<html lang="nl">' in page and "Nieuwste ervaringen" in page


@pytest.mark.parametrize("choice", ["", "de", "nl'; --"])
def test_an_unknown_language_is_refused_next_to_the_field(client, logged_in, choice):
    logged_in("medewerker")
    response = client.submit("/taal", {"locale": choice} if choice else {})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'aria-describedby="locale-fout"' in page
    assert "Kies een van de talen uit de lijst." in page
    assert '<html lang="nl">' in client.get("/").get_data(as_text=True)


def test_choosing_needs_sign_in_and_a_csrf_token(client, logged_in):
    assert client.get("/taal").status_code == 302
    logged_in("medewerker")
    response = client.post("/taal", data={"locale": "en"})
    assert response.status_code == 400
    assert '<html lang="nl">' in client.get("/").get_data(as_text=True)


def test_header_links_to_the_language_page(client, logged_in):
    logged_in("partner")
    page = client.get("/ervaringen").get_data(as_text=True)
    assert 'href="/taal"' in page and '<span lang="en">(Language)</span>' in page


def test_dates_follow_the_language(client, logged_in, make_experience):
    author = logged_in("medewerker")
    experience = make_experience(author, occurred_on=date(2025, 3, 14))
    dutch = client.get(f"/ervaringen/{experience.id}").get_data(as_text=True)
    assert "gebeurd op 14 maart 2025" in dutch
    client.submit("/taal", {"locale": "en"})
    english = client.get(f"/ervaringen/{experience.id}").get_data(as_text=True)
    assert "happened on March 14, 2025" in english
    assert "Recorded by" in english and "Lesson" in english


@pytest.mark.parametrize("header, expected", [("nl", "1.234.567"), ("en", "1,234,567")])
def test_numbers_follow_the_language(app, header, expected):
    with app.test_request_context(headers={"Accept-Language": header}):
        assert render_template_string("{{ 1234567 | number }}") == expected


def test_validation_messages_follow_the_language(client, logged_in):
    logged_in("medewerker")
    client.submit("/taal", {"locale": "en"})
    response = client.submit("/ervaringen/nieuw", {"title": "", "publish": "1"},
                             page="/ervaringen/nieuw")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Enter a title." in page and "Describe the situation." in page
    assert "Vul een titel in." not in page


def test_api_errors_follow_the_language(client, logged_in):
    logged_in("medewerker")
    response = client.get("/api/v1/search?sort=willekeurig", headers=ENGLISH)
    assert response.status_code == 422
    assert response.get_json()["fields"] == {
        "sort": "Choose sort=relevantie, sort=nieuwste or sort=herkenbaar."}
    assert client.get("/api/v1/experiences/999999", headers=ENGLISH).get_json()["error"] == (
        "This page does not exist, or you have no access to it.")


def test_a_search_syntax_error_follows_the_language(client, logged_in):
    logged_in("medewerker")
    page = client.get('/zoeken?q="warme', headers=ENGLISH).get_data(as_text=True)
    assert "A quotation mark is missing" in page
