"""Meedenken: comments; edit and delete your own; kernteam hides with a reason."""
from __future__ import annotations

import pytest

from .test_audit import events

ROLES = ["medewerker", "partner", "kernteam", "beheerder"]


@pytest.fixture
def shared(make_user, make_experience):
    return make_experience(make_user(name="Auteur"), title="Gedeeld",
                           visibility="met_partners")


def comment(client, experience_id: int, body: str):
    return client.submit(f"/ervaringen/{experience_id}/reacties", {"body": body},
                         page=f"/ervaringen/{experience_id}")


def page_of(client, experience_id: int) -> str:
    return client.get(f"/ervaringen/{experience_id}").get_data(as_text=True)


def comment_id(response) -> int:
    return int(response.headers["Location"].rsplit("reactie-", 1)[1])


@pytest.mark.parametrize("role", ROLES)
def test_every_role_comments_edits_and_deletes_their_own(client, logged_in, shared, role):
    logged_in(role, name="Denker")
    response = comment(client, shared.id, "Dit herken ik **helemaal**.")
    assert response.status_code == 302
    page = page_of(client, shared.id)
    assert "Denker" in page and "<strong>helemaal</strong>" in page
    number = comment_id(response)
    edited = client.submit(f"/reacties/{number}/bewerken", {"body": "Aangepast."})
    assert edited.status_code == 302
    page = page_of(client, shared.id)
    assert "Aangepast." in page and "bewerkt" in page and "helemaal" not in page
    client.submit(f"/reacties/{number}/verwijderen", page=f"/ervaringen/{shared.id}")
    assert "Aangepast." not in page_of(client, shared.id)
    assert client.get(f"/reacties/{number}/bewerken").status_code == 404


def test_someone_elses_comment_cannot_be_edited_or_deleted(client, make_user, logged_in,
                                                           shared):
    writer = make_user()
    client.login(writer.email)
    number = comment_id(comment(client, shared.id, "Van mij."))
    client.logout()
    for role in ROLES:
        logged_in(role)
        assert client.get(f"/reacties/{number}/bewerken").status_code == 403
        assert client.submit(f"/reacties/{number}/bewerken", {"body": "Overschreven"},
                             page="/").status_code == 403
        assert client.submit(f"/reacties/{number}/verwijderen", page="/").status_code == 403
        client.logout()


@pytest.mark.parametrize("body, message", [
    ("   ", "Schrijf eerst je reactie."),
    ("x" * 5001, "Een reactie mag hoogstens 5000 tekens hebben."),
])
def test_bad_comment_keeps_the_text(client, logged_in, shared, body, message):
    logged_in()
    response = comment(client, shared.id, body)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page and 'aria-invalid="true"' in page
    assert body.strip()[:100] in page


@pytest.mark.parametrize("role", ROLES)
def test_only_kernteam_hides_a_comment(client, make_user, logged_in, shared, role):
    writer = make_user()
    client.login(writer.email)
    number = comment_id(comment(client, shared.id, "Iets ongepasts."))
    client.logout()
    logged_in(role)
    expected = 302 if role == "kernteam" else 403
    assert client.submit(f"/reacties/{number}/verbergen", {"reason": "Toon"},
                         page=f"/ervaringen/{shared.id}").status_code == expected
    assert client.submit(f"/reacties/{number}/terugzetten",
                         page=f"/ervaringen/{shared.id}").status_code == expected


def test_hidden_comment_shows_only_to_curators_and_its_writer(app, client, make_user,
                                                              logged_in, shared):
    writer, reader = make_user(), make_user("partner")
    client.login(writer.email)
    number = comment_id(comment(client, shared.id, "Iets ongepasts."))
    client.logout()
    curator = logged_in("kernteam")
    assert client.submit(f"/reacties/{number}/verbergen", {"reason": ""}).status_code == 422
    client.submit(f"/reacties/{number}/verbergen", {"reason": "Gaat over een inwoner."})
    assert "Iets ongepasts." in page_of(client, shared.id)
    client.logout()
    client.login(reader.email)
    page = page_of(client, shared.id)
    assert "Iets ongepasts." not in page and "Meedenken <span class=\"muted\">(0)" in page
    assert client.get(f"/reacties/{number}/bewerken").status_code == 404
    client.logout()
    client.login(writer.email)
    page = page_of(client, shared.id)
    assert "Iets ongepasts." in page and "Gaat over een inwoner." in page
    assert client.get(f"/reacties/{number}/bewerken").status_code == 403
    client.logout()
    client.login(curator.email)
    client.submit(f"/reacties/{number}/terugzetten", page=f"/ervaringen/{shared.id}")
    client.logout()
    client.login(reader.email)
    assert "Iets ongepasts." in page_of(client, shared.id)
    actions = [(e[0], e[3], e[4]) for e in events(app) if e[0].startswith("comment_")]
    assert actions == [("comment_hidden", "comments", number),
                       ("comment_unhidden", "comments", number)]


def test_comments_on_what_you_may_not_see_are_404(client, make_user, make_experience,
                                                  logged_in):
    internal = make_experience(make_user(), visibility="intern")
    insider = logged_in()
    number = comment_id(comment(client, internal.id, "Intern commentaar."))
    client.logout()
    logged_in("partner")
    assert comment(client, internal.id, "Ik ook").status_code == 404
    assert client.get(f"/reacties/{number}/bewerken").status_code == 404
    assert client.submit(f"/reacties/{number}/verbergen", {"reason": "x"},
                         page="/").status_code == 404
    assert insider


def test_comment_text_is_escaped(client, logged_in, shared):
    logged_in()
    comment(client, shared.id, "<script>alert(1)</script> gewoon")
    assert "<script>alert(1)" not in page_of(client, shared.id)
