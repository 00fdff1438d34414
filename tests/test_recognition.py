"""Herkenbaar: one per person, can be taken back, counted, sortable in list and search."""
from __future__ import annotations

import pytest

from .test_curation import card_titles
from .test_search import titles


def recognise(client, experience_id: int):
    return client.submit(f"/ervaringen/{experience_id}/herkenbaar",
                         page=f"/ervaringen/{experience_id}")


def take_back(client, experience_id: int):
    return client.submit(f"/ervaringen/{experience_id}/herkenbaar/intrekken",
                         page=f"/ervaringen/{experience_id}")


@pytest.mark.parametrize("role", ["medewerker", "partner", "kernteam", "beheerder"])
def test_every_role_recognises_once_and_takes_it_back(client, make_user, make_experience,
                                                      logged_in, role):
    experience = make_experience(make_user(), visibility="met_partners")
    logged_in(role)
    url = f"/ervaringen/{experience.id}"
    assert "0 collega’s vinden dit herkenbaar" in client.get(url).get_data(as_text=True)
    assert recognise(client, experience.id).status_code == 302
    recognise(client, experience.id)
    page = client.get(url).get_data(as_text=True)
    assert "1 collega vindt dit herkenbaar" in page and 'aria-pressed="true"' in page
    take_back(client, experience.id)
    assert "0 collega’s vinden dit herkenbaar" in client.get(url).get_data(as_text=True)


def test_what_you_may_not_see_cannot_be_recognised(client, make_user, make_experience,
                                                   logged_in):
    author = make_user()
    internal = make_experience(author, visibility="intern")
    draft = make_experience(author, status="concept")
    logged_in("partner")
    assert recognise(client, internal.id).status_code == 404
    client.logout()
    logged_in()
    assert client.submit(f"/ervaringen/{draft.id}/herkenbaar", page="/").status_code == 404


def test_own_experience_cannot_be_recognised(client, make_experience, logged_in):
    me = logged_in()
    mine = make_experience(me)
    response = recognise(client, mine.id)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Je eigen ervaring kun je niet herkenbaar vinden." in page
    assert "0 collega’s vinden dit herkenbaar" in page


def test_sort_by_recognition_in_list_and_search(client, make_user, make_experience):
    author = make_user()
    few = make_experience(author, title="Een keer", situation="overleg")
    many = make_experience(author, title="Vaak", situation="overleg")
    make_experience(author, title="Nooit", situation="overleg")
    for experience_ids in ([few.id, many.id], [many.id]):
        reader = make_user()
        client.login(reader.email)
        for experience_id in experience_ids:
            recognise(client, experience_id)
        client.logout()
    client.login(make_user().email)
    assert card_titles(client, sort="herkenbaar") == ["Vaak", "Een keer", "Nooit"]
    assert titles(client, "overleg", sort="herkenbaar") == ["Vaak", "Een keer", "Nooit"]
    result = client.get("/api/v1/search?q=overleg&sort=herkenbaar").get_json()
    assert [r["title"] for r in result["results"]] == ["Vaak", "Een keer", "Nooit"]
    assert "2× herkenbaar" in client.get("/ervaringen").get_data(as_text=True)
