"""Revisions: every save is kept; versions are compared side by side and restored."""
from __future__ import annotations

import re

from sqlalchemy import delete, select

from rugzak.audit.models import AuditEvent
from rugzak.experiences.models import Experience
from rugzak.extensions import db
from rugzak.revisions.models import ExperienceRevision
from rugzak.taxonomy.models import Department

FORM = {"title": "Eerste titel", "situation": "Het wijkteam belde.", "lesson": "Bel eerder.",
        "kind": "les", "visibility": "intern", "publish": "1"}


def edit(client, experience_id: int, version: int, **changes):
    return client.submit(f"/ervaringen/{experience_id}/bewerken",
                         {**FORM, "version": str(version), **changes})


def current(app, experience_id: int) -> Experience:
    with app.app_context():
        experience = db.session.get(Experience, experience_id)
        db.session.expunge(experience)
        return experience


def numbers(app, experience_id: int) -> list[int]:
    with app.app_context():
        return list(db.session.scalars(select(ExperienceRevision.number).filter_by(
            experience_id=experience_id).order_by(ExperienceRevision.number)))


def three_edits(client, app, make_user, make_experience):
    author = make_user(name="Anna Auteur")
    experience = make_experience(author, title="Eerste titel", situation="Het wijkteam belde.",
                                 lesson="Bel eerder.")
    client.login(author.email)
    for number, title in enumerate(["Tweede titel", "Derde titel", "Vierde titel"], start=1):
        response = edit(client, experience.id, number, title=title,
                        lesson=f"Bel eerder. Versie {number + 1}.", tags="wijkteam")
        assert response.status_code == 302, response.get_data(as_text=True)
    return author, experience


def test_every_save_is_kept_with_who_when_and_what_changed(app, client, make_user,
                                                           make_experience):
    author, experience = three_edits(client, app, make_user, make_experience)
    assert numbers(app, experience.id) == [1, 2, 3, 4]
    page = client.get(f"/ervaringen/{experience.id}")
    link = f"/ervaringen/{experience.id}/geschiedenis"
    assert link in page.get_data(as_text=True)
    history = client.get(link).get_data(as_text=True)
    assert history.count("<td>Anna Auteur</td>") == 4
    assert "Titel, Les, Trefwoorden" in history  # version 2 changed those three
    assert "Titel, Les" in history and "Eerste versie" in history


def test_two_versions_side_by_side_with_marked_differences(client, app, make_user,
                                                           make_experience):
    _author, experience = three_edits(client, app, make_user, make_experience)
    page = client.get(f"/ervaringen/{experience.id}/geschiedenis/vergelijken?van=1&naar=3")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Versie 1 en versie 3 vergeleken" in html
    assert re.search(r"<del><span class=\"visually-hidden\">\[verwijderd: </span>Eerste", html)
    assert re.search(r"<ins><span class=\"visually-hidden\">\[toegevoegd: </span>Derde", html)
    assert "Gewijzigd: Titel, Les, Trefwoorden." in html
    assert "(gewijzigd)" in html  # said in words, not by colour alone
    assert "<li><ins>" in html and "wijkteam" in html  # the added tag
    assert "Versie 1 terugzetten" in html and "Versie 3 terugzetten" in html
    assert len(re.findall(r'id="([^"]+)"', html)) == len(set(re.findall(r'id="([^"]+)"', html)))
    newest = client.get(f"/ervaringen/{experience.id}/geschiedenis/vergelijken?van=2&naar=4")
    assert "Versie 4 terugzetten" not in newest.get_data(as_text=True)  # it is the current one


def test_compare_escapes_text_and_handles_odd_arguments(client, app, make_user,
                                                        make_experience):
    author = make_user()
    experience = make_experience(author, title="Titel")
    client.login(author.email)
    edit(client, experience.id, 1, title="<script>alert(1)</script>")
    url = f"/ervaringen/{experience.id}/geschiedenis/vergelijken"
    html = client.get(url).get_data(as_text=True)  # defaults: the newest against the one before
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    assert client.get(url + "?van=abc&naar=").status_code == 200
    assert client.get(url + "?van=1&naar=99").status_code == 404


def test_restore_makes_a_new_version_and_reaches_search(app, client, make_user,
                                                        make_experience):
    _author, experience = three_edits(client, app, make_user, make_experience)
    response = client.submit(f"/ervaringen/{experience.id}/geschiedenis/1/terugzetten",
                             {"version": "4"}, page=f"/ervaringen/{experience.id}/geschiedenis")
    assert response.status_code == 302
    restored = current(app, experience.id)
    assert (restored.title, restored.lesson, restored.status) == (
        "Eerste titel", "Bel eerder.", "gepubliceerd")
    assert numbers(app, experience.id) == [1, 2, 3, 4, 5]
    history = client.get(f"/ervaringen/{experience.id}/geschiedenis").get_data(as_text=True)
    assert "Versie 1 teruggezet." in history
    with app.app_context():
        event = db.session.scalars(select(AuditEvent).filter_by(action="revision_restored")).one()
        assert (event.object_type, event.object_id) == ("experiences", experience.id)
        assert event.detail == "versie 1 teruggezet als versie 5"
    found = client.get("/api/v1/search?q=eerste").get_json()
    assert [hit["title"] for hit in found["results"]] == ["Eerste titel"]


def test_restore_from_a_stale_page_changes_nothing(app, client, make_user, make_experience):
    _author, experience = three_edits(client, app, make_user, make_experience)
    response = client.submit(f"/ervaringen/{experience.id}/geschiedenis/1/terugzetten",
                             {"version": "3"}, page=f"/ervaringen/{experience.id}/geschiedenis")
    assert response.status_code == 409
    assert "Iemand anders heeft deze ervaring intussen gewijzigd" in response.get_data(
        as_text=True)
    assert current(app, experience.id).title == "Vierde titel"
    assert numbers(app, experience.id) == [1, 2, 3, 4]


def test_restore_needs_a_csrf_token(app, client, make_user, make_experience):
    author = make_user()
    experience = make_experience(author)
    client.login(author.email)
    edit(client, experience.id, 1, title="Nieuw")
    response = client.post(f"/ervaringen/{experience.id}/geschiedenis/1/terugzetten",
                           data={"version": "2"})
    assert response.status_code == 400
    assert current(app, experience.id).title == "Nieuw"


def test_who_may_see_and_restore(app, client, make_user, make_experience):
    author = make_user()
    experience = make_experience(author, title="Oud")
    client.login(author.email)
    edit(client, experience.id, 1, title="Nieuw")
    client.logout()
    base = f"/ervaringen/{experience.id}/geschiedenis"
    expected = {"medewerker": (403, 403), "partner": (404, 404), "beheerder": (200, 403)}
    for role, (seeing, restoring) in expected.items():
        user = make_user(role)
        client.login(user.email)
        assert client.get(base).status_code == seeing, role
        assert "geschiedenis" not in client.get(f"/ervaringen/{experience.id}").get_data(
            as_text=True) or seeing == 200
        response = client.submit(f"{base}/1/terugzetten", {"version": "2"}, page="/")
        assert response.status_code == restoring, role
        client.logout()
    assert current(app, experience.id).title == "Nieuw"
    curator = make_user("kernteam")
    client.login(curator.email)
    assert client.get(base).status_code == 200
    assert client.submit(f"{base}/1/terugzetten", {"version": "2"}, page=base).status_code == 302
    assert current(app, experience.id).title == "Oud"


def test_history_never_reveals_an_anonymous_author(app, client, make_user, make_experience):
    author = make_user(name="Geheime Schrijver")
    experience = make_experience(author, anonymous=True)
    curator = make_user("kernteam", name="Kees Kernteam")
    client.login(curator.email)
    edit(client, experience.id, 1, title="Door het kernteam")
    html = client.get(f"/ervaringen/{experience.id}/geschiedenis").get_data(as_text=True)
    assert "Geheime Schrijver" not in html
    assert "een collega van Werk en Inkomen" in html and "Kees Kernteam" in html


def test_api_saves_keep_revisions_too(app, client, make_user, make_experience):
    author = make_user()
    experience = make_experience(author)
    client.login(author.email)
    token = client.csrf_token()
    response = client.put(f"/api/v1/experiences/{experience.id}",
                          json={"version": 1, "title": "Via de API"},
                          headers={"X-CSRFToken": token})
    assert response.status_code == 200
    assert numbers(app, experience.id) == [1, 2]


def test_an_experience_from_before_revisions_keeps_its_first_version(app, client, make_user,
                                                                     make_experience):
    author = make_user()
    experience = make_experience(author, title="Van voor de geschiedenis")
    with app.app_context():
        db.session.execute(delete(ExperienceRevision))
        db.session.commit()
    client.login(author.email)
    edit(client, experience.id, 1, title="Bewerkt")
    assert numbers(app, experience.id) == [1, 2]
    html = client.get(f"/ervaringen/{experience.id}/geschiedenis/vergelijken").get_data(
        as_text=True)
    assert "Van voor de geschiedenis" in html and "Bewerkt" in html


def test_a_version_that_no_longer_fits_is_explained(app, client, make_user, make_experience):
    author = make_user()
    experience = make_experience(author, departments=["jeugd-en-onderwijs"])
    client.login(author.email)
    edit(client, experience.id, 1, departments=[])
    with app.app_context():
        department = db.session.scalar(select(Department).filter_by(slug="jeugd-en-onderwijs"))
        department.active = False
        db.session.commit()
    response = client.submit(f"/ervaringen/{experience.id}/geschiedenis/1/terugzetten",
                             {"version": "2"}, page=f"/ervaringen/{experience.id}/geschiedenis")
    assert response.status_code == 422
    assert "Versie 1 kan niet worden teruggezet: Onbekende afdeling: jeugd-en-onderwijs." in \
        response.get_data(as_text=True)
    assert numbers(app, experience.id) == [1, 2]


def test_demo_experiences_have_a_first_version_of_the_same_date(app, runner):
    assert runner.invoke(args=["demo"]).exit_code == 0
    with app.app_context():
        pairs = db.session.execute(select(Experience.created_at, ExperienceRevision.saved_at)
                                   .join(ExperienceRevision,
                                         ExperienceRevision.experience_id == Experience.id))
        pairs = pairs.all()
    assert len(pairs) >= 25 and all(created == saved for created, saved in pairs)
