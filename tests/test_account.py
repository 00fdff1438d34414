"""/account: overview, password change (ends other sessions, audited), sessions, data download."""
import json

from sqlalchemy import select

from rugzak.audit.models import AuditEvent
from rugzak.extensions import db

from .busy_person import build_world
from .conftest import PASSWORD
from .test_sessions import sessions_of, signed_in

NEW = "een nieuwe fietsroute langs het kanaal"


def change(client, current=PASSWORD, new=NEW, repeat=None):
    return client.submit("/account/wachtwoord", {"current": current, "new": new,
                                                 "repeat": NEW if repeat is None else repeat})


def test_overview_shows_who_you_are(client, make_user):
    user = make_user("kernteam", name="Ayla Kaya")
    client.login(user.email)
    page = client.get("/account").get_data(as_text=True)
    for text in ("Mijn account", "Ayla Kaya", user.email, "Kernteam", "Werk en Inkomen",
                 "Wachtwoord wijzigen", "deze sessie", "Download mijn gegevens"):
        assert text in page
    assert 'href="/account"' in client.get("/").get_data(as_text=True)  # linked from every page


def test_partner_sees_their_organisation(client, make_user):
    user = make_user("partner")
    client.login(user.email)
    page = client.get("/account").get_data(as_text=True)
    assert "Organisatie" in page and "UWV" in page


def test_change_password_ends_other_sessions_and_is_audited(app, client, make_user):
    user = make_user()
    other = app.test_client()
    other.login(user.email)
    client.login(user.email)
    response = change(client)
    assert response.status_code == 302 and response.headers["Location"] == "/account"
    assert "Je wachtwoord is gewijzigd" in client.get("/account").get_data(as_text=True)
    assert signed_in(client.get("/ervaringen"))
    assert other.get("/ervaringen").status_code == 302
    assert [row.end_reason for row in sessions_of(app, user)] == ["wachtwoord gewijzigd", None]
    client.logout()
    client.login(user.email, NEW)
    with app.app_context():
        event = db.session.scalar(
            select(AuditEvent).where(AuditEvent.action == "password_changed"))
        assert (event.actor_id, event.object_id) == (user.id, user.id)
        assert NEW not in event.detail and PASSWORD not in event.detail


def test_wrong_current_password(client, make_user):
    user = make_user()
    client.login(user.email)
    response = change(client, current="niet mijn wachtwoord")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Dit is niet je huidige wachtwoord." in page
    assert 'aria-invalid="true"' in page
    client.logout()
    client.login(user.email)  # the old one still works


def test_new_password_problems_are_shown_at_their_field(client, make_user):
    user = make_user()
    client.login(user.email)
    for new, repeat, message in (
            ("kort", None, "minstens 12 tekens"),
            ("qwerty123456", None, "veelgebruikte wachtwoorden"),
            (PASSWORD, PASSWORD, "ander wachtwoord dan je huidige"),
            (NEW, NEW + "x", "niet gelijk")):
        response = change(client, new=new, repeat=repeat if repeat is not None else new)
        assert response.status_code == 422
        assert message in response.get_data(as_text=True)
    client.logout()
    client.login(user.email)


def test_guessing_the_current_password_is_throttled(client, make_user):
    user = make_user()
    client.login(user.email)
    statuses = [change(client, current=f"fout wachtwoord {n}").status_code for n in range(6)]
    assert statuses == [422] * 5 + [429]


def test_end_other_sessions(app, client, make_user):
    user = make_user()
    other = app.test_client()
    other.login(user.email)
    client.login(user.email)
    assert "Log overal uit behalve hier" in client.get("/account").get_data(as_text=True)
    response = client.submit("/account/sessies/beeindigen", page="/account")
    assert response.status_code == 302
    assert other.get("/ervaringen").status_code == 302
    assert signed_in(client.get("/ervaringen"))


def test_personal_data_download(app, client, make_user, make_experience):
    user = make_user(name="Sem de Boer")
    other = make_user()
    mine = make_experience(user, title="Mijn les", anonymous=True)
    make_experience(other, title="Andermans les")
    client.login(user.email)
    response = client.get("/account/gegevens")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    assert response.headers["Cache-Control"] == "no-store"
    data = json.loads(response.get_data(as_text=True))
    assert data["account"]["name"] == "Sem de Boer" and data["account"]["email"] == user.email
    assert [(e["id"], e["title"], e["anonymous"]) for e in data["experiences"]] == [
        (mine.id, "Mijn les", True)]
    actions = [e["action"] for e in data["audit_events"]]
    assert actions[:2] == ["user_created", "sign_in"]
    assert "personal_data_downloaded" not in actions  # recorded with the download itself
    assert len(data["sessions"]) == 1 and data["sessions"][0]["ended_at"] is None
    assert data["api_tokens"] == [] and data["privacy_findings_confirmed"] == []
    dump = json.dumps(data)
    assert "password_hash" not in dump and "$argon2" not in dump
    again = json.loads(client.get("/account/gegevens").get_data(as_text=True))
    assert "personal_data_downloaded" in [e["action"] for e in again["audit_events"]]


def test_personal_data_download_covers_every_feature(app, client, make_user, make_experience):
    world = build_world(app, make_user, make_experience)
    own, theirs, person = world.own.id, world.theirs.id, world.person
    client.login(person.email)
    data = json.loads(client.get("/account/gegevens").get_data(as_text=True))
    assert data["account"]["locale"] == "nl"
    assert [(c["experience_id"], c["body"], c["deleted_at"] is not None)
            for c in data["comments"]] == [(theirs, "Herkenbaar, bij ons ook.", False),
                                          (theirs, "Toch niet.", True)]
    assert [r["experience_id"] for r in data["recognitions"]] == [theirs]
    assert [(b["title"], b["experience_ids"]) for b in data["bundles"]] == [
        ("Overdracht", [own, theirs])]
    assert data["home_visits"]["last_at"]
    assert [(r["experience_id"], r["number"]) for r in data["revisions_saved"]] == [
        (own, 1), (own, 2), (world.checked, 1)]
    assert data["revisions_saved"][1]["snapshot"]["lesson"] == (
        "Draag warm over, met de inwoner erbij.")
    assert [b["experience_id"] for b in data["experiences_binned"]] == [world.binned.id]
    assert len(data["password_links"]) == 1 and "digest" not in data["password_links"][0]
    assert [(f["experience_id"], f["kind"]) for f in data["privacy_findings_confirmed"]] == [
        (world.checked, "bsn")]
    agenda = data["agenda"]
    assert [(i["id"], i["owned_by_you"], i["made_by_you"]) for i in agenda["items"]] == [
        (world.owned_item, True, True)]
    assert [(c["item_id"], c["old_value"], c["new_value"]) for c in agenda["named_as_owner"]] == [
        (world.handed_item, person.name, "Jeugd en Onderwijs")]
    assert [u["text"] for u in agenda["updates_written"]] == ["Eerste overleg gepland."]
    assert {c["item_id"] for c in agenda["changes_made"]} == {world.owned_item}
    assert "Cor Collega" not in json.dumps(data)  # nothing about the colleague
