"""Changing and cancelling a planned reflection session through HTTP: the rules of planning,
the invitation for who is newly invited, the cancellation in Rugzak and by mail."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from rugzak.audit.models import AuditEvent
from rugzak.bundles.services import BundleInput, create_bundle
from rugzak.extensions import db
from rugzak.reflection.models import ReflectionSession

from . import test_reflection, test_reflection_mail
from .mailserver import text_of

people = test_reflection.people
world = test_reflection.world
plan = test_reflection.plan
plan_data = test_reflection.plan_data
page = test_reflection.page
in_english = test_reflection_mail.in_english
sent = test_reflection_mail.sent


@pytest.fixture
def settings(smtp_server):
    return smtp_server.settings


def test_the_core_team_changes_a_session_and_who_is_new_gets_the_invitation(
        app, client, people, world, smtp_server):
    session = plan(client, people, world, "mira")
    sent(app, smtp_server)
    smtp_server.messages.clear()
    client.login(people["kern"].email)
    url = f"/reflectie/{session}/bewerken"
    form = page(client, url)
    assert 'value="Intervisie regie"' in form and 'value="2030-03-14"' in form
    assert any("checked" in tag for tag in re.findall(
        rf'<input[^>]*name="participant_ids"[^>]*value="{people["mira"].id}"[^>]*>', form))
    changed = client.submit(url, plan_data(people, world, "mira", "cor", title="Intervisie wijk",
                                           place="https://meet.example/regie"))
    assert changed.status_code == 302
    body = page(client, f"/reflectie/{session}")
    assert "Intervisie wijk" in body and "https://meet.example/regie" in body
    assert "Cor Collega" in body
    mails = sent(app, smtp_server)
    assert list(mails) == [people["cor"].email]  # mira was invited already
    assert "https://meet.example/regie" in text_of(mails[people["cor"].email])
    with app.app_context():
        assert "reflection_changed" in db.session.scalars(select(AuditEvent.action)).all()


def test_who_is_taken_off_the_list_is_told_by_mail(app, client, people, world, smtp_server):
    in_english(app, people["pim"])
    session = plan(client, people, world, "mira", "pim")
    sent(app, smtp_server)
    smtp_server.messages.clear()
    client.login(people["kern"].email)
    url = f"/reflectie/{session}/bewerken"
    changed = client.submit(url, plan_data(people, world, "cor", title="Intervisie wijk",
                                           held_on="2030-04-01"))
    assert changed.status_code == 302
    mails = sent(app, smtp_server)
    assert set(mails) == {people["mira"].email, people["pim"].email, people["cor"].email}
    assert mails[people["mira"].email]["Subject"] == (
        "Niet meer uitgenodigd: de reflectiesessie „Intervisie regie” op 14 maart 2030")
    told = text_of(mails[people["mira"].email])
    assert "Je staat niet meer op de lijst" in told and "Intervisie wijk" not in told
    assert mails[people["pim"].email]["Subject"] == (
        "No longer invited: the reflection session “Intervisie regie” on March 14, 2030")
    assert mails[people["cor"].email]["Subject"].startswith("Uitnodiging voor de reflectie")
    client.logout()
    client.login(people["mira"].email)
    assert client.get(f"/reflectie/{session}").status_code in (403, 404)


def test_a_change_follows_the_rules_of_planning(app, client, people, world):
    session = plan(client, people, world, "mira")
    with app.app_context():
        internal = create_bundle(db.session.get(ReflectionSession, session).created_by,
                                 BundleInput(title="Alleen intern")).id
    client.login(people["kern"].email)
    url = f"/reflectie/{session}/bewerken"
    refused = client.submit(url, plan_data(people, world, "mira", "pim", title="Met partner",
                                           bundle_id=str(internal)))
    assert refused.status_code == 422
    body = refused.get_data(as_text=True)
    assert "Deze bundel is niet gedeeld met partners" in body
    assert 'value="Met partner"' in body
    refused = client.submit(url, plan_data(people, world, title="", held_on="morgen"))
    body = refused.get_data(as_text=True)
    assert refused.status_code == 422 and "Geef de sessie een titel." in body
    assert "Nodig minstens één deelnemer uit." in body and 'value="morgen"' in body
    with app.app_context():
        kept = db.session.get(ReflectionSession, session)
        assert kept.title == "Intervisie regie" and [p.id for p in kept.participants] == [
            people["mira"].id]


def test_cancelling_tells_the_invited_in_rugzak_and_by_mail(app, client, people, world,
                                                            smtp_server):
    in_english(app, people["pim"])
    session = plan(client, people, world, "mira", "pim")
    sent(app, smtp_server)
    smtp_server.messages.clear()
    client.login(people["kern"].email)
    url = f"/reflectie/{session}"
    assert "Weet je zeker dat de sessie „Intervisie regie”" in page(client, url + "/annuleren")
    assert client.submit(url + "/annuleren", page=url + "/annuleren").status_code == 302
    assert "Deze sessie is geannuleerd" in page(client, url)
    assert "geannuleerd" in page(client, url + "/verslag")
    assert client.get(url + "/bewerken").status_code == 403
    assert client.submit(url + "/annuleren", page=url).status_code == 403
    client.logout()
    mails = sent(app, smtp_server)
    assert set(mails) == {people["mira"].email, people["pim"].email}
    assert mails[people["pim"].email]["Subject"] == ("Cancelled: the reflection session "
                                                     "“Intervisie regie” on March 14, 2030")
    client.login(people["mira"].email)
    home = page(client, "/")
    assert "Gaat niet door: de reflectiesessie" in home
    assert "Je bent uitgenodigd voor een reflectiesessie" not in home
    assert client.submit(f"{url}/vragen", {"question": "Toch?"}, page=url).status_code == 403


def test_a_closed_session_cannot_be_changed_and_only_the_core_team_changes(
        client, people, world):
    session = plan(client, people, world, "mira")
    url = f"/reflectie/{session}"
    client.login(people["mira"].email)
    assert client.get(url + "/bewerken").status_code == 403
    assert client.get(url + "/annuleren").status_code == 403
    assert "Sessie wijzigen" not in page(client, url)
    client.logout()
    client.login(people["olga"].email)
    assert client.get(url + "/bewerken").status_code == 404
    client.logout()
    client.login(people["kern"].email)
    assert "Sessie wijzigen" in page(client, url)
    client.submit(url + "/afsluiten", page=url)
    assert "Sessie wijzigen" not in page(client, url)
    assert client.get(url + "/bewerken").status_code == 403
    assert client.submit(url + "/bewerken", plan_data(people, world, "mira"),
                         page=url).status_code == 403
