"""/beheer/audit: the beheerder reads and filters the audit log."""
from __future__ import annotations

import re
from datetime import datetime, timezone

from sqlalchemy import update

from rugzak.audit.models import Action, AuditEvent, Outcome
from rugzak.audit.services import record
from rugzak.extensions import db


def rows(html: str) -> list[str]:
    body = html.split("<tbody>")[1].split("</tbody>")[0] if "<tbody>" in html else ""
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip()
            for row in body.split("</tr>") if row.strip()]


def test_only_the_beheerder_reads_the_audit_log(client, make_user):
    for role in ("medewerker", "partner", "kernteam"):
        client.login(make_user(role).email)
        assert client.get("/beheer/audit").status_code == 403, role
        assert 'href="/beheer/audit"' not in client.get("/beheer").get_data(as_text=True)
        client.logout()
    client.login(make_user("beheerder").email)
    assert 'href="/beheer/audit"' in client.get("/beheer").get_data(as_text=True)
    assert client.get("/beheer/audit").status_code == 200


def test_the_log_shows_deleting_restoring_and_revision_restores(client, make_user,
                                                                 make_experience):
    author = make_user(name="Anna Auteur")
    experience = make_experience(author)
    client.login(author.email)
    client.submit(f"/ervaringen/{experience.id}/bewerken", {
        "title": "Nieuwe titel", "situation": "Iets.", "lesson": "Les.", "kind": "les",
        "visibility": "intern", "version": "1", "publish": "1"})
    client.submit(f"/ervaringen/{experience.id}/geschiedenis/1/terugzetten", {"version": "2"},
                  page=f"/ervaringen/{experience.id}/geschiedenis")
    client.submit(f"/ervaringen/{experience.id}/verwijderen",
                  page=f"/ervaringen/{experience.id}/verwijderen")
    client.logout()
    curator = make_user("kernteam", name="Kees Kernteam")
    client.login(curator.email)
    client.submit(f"/prullenbak/{experience.id}/terugzetten", page="/prullenbak")
    client.logout()
    client.login(make_user("beheerder").email)
    listed = [row for row in rows(client.get("/beheer/audit").get_data(as_text=True))
              if "ervaring " in row]
    assert len(listed) == 3
    assert "Kees Kernteam" in listed[0] and "Ervaring teruggezet uit de prullenbak" in listed[0]
    assert f"ervaring {experience.id}" in listed[0] and "Gelukt" in listed[0]
    assert "Anna Auteur" in listed[1] and "Ervaring verwijderd" in listed[1]
    assert "Eerdere versie teruggezet" in listed[2]
    assert "versie 1 teruggezet als versie 3" in listed[2]


def test_filters_by_action_person_outcome_and_period(app, client, make_user):
    noor = make_user(name="Noor Bos", email="noor@gemeente.example")
    client.submit("/inloggen", {"email": noor.email, "password": "fout fout fout"})
    client.login(noor.email)
    client.logout()
    admin = make_user("beheerder", name="Bea Beheer")
    with app.app_context():  # one event long ago
        db.session.execute(update(AuditEvent).where(AuditEvent.action == "sign_out").values(
            at=datetime(2024, 1, 15, 12, tzinfo=timezone.utc)))
        db.session.commit()
    client.login(admin.email)

    def listed(**args):
        response = client.get("/beheer/audit", query_string=args)
        assert response.status_code == 200
        return rows(response.get_data(as_text=True))

    assert [r for r in listed(action="sign_in_failed")] == [
        r for r in listed() if "Inloggen mislukt" in r]
    assert len(listed(action="sign_in_failed")) == 1
    assert all("Geweigerd" in r for r in listed(outcome="denied")) and listed(outcome="denied")
    by_person = listed(person="NOOR@gemeente")
    assert {"Gebruiker aangemaakt", "Inloggen mislukt", "Ingelogd", "Uitgelogd"} == {
        action for r in by_person for action in (
            "Gebruiker aangemaakt", "Inloggen mislukt", "Ingelogd", "Uitgelogd") if action in r}
    assert not any("Bea Beheer" in r for r in by_person)
    old = listed(start="2024-01-01", end="2024-01-31")
    assert len(old) == 1 and "Uitgelogd" in old[0]
    assert not any("Uitgelogd" in r for r in listed(start="2024-02-01"))


def test_bad_filters_get_dutch_messages_and_keep_what_was_typed(client, make_user):
    client.login(make_user("beheerder").email)
    response = client.get("/beheer/audit?start=15.01.2024&person=noor&action=raar")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Vul een datum in als jjjj-mm-dd" in html and 'value="15.01.2024"' in html
    assert "Kies een handeling uit de lijst." in html and 'value="noor"' in html
    assert 'aria-describedby="start-hint start-fout"' in html
    backwards = client.get("/beheer/audit?start=2024-02-01&end=2024-01-01")
    assert backwards.status_code == 422
    assert "De einddatum ligt vóór de begindatum." in backwards.get_data(as_text=True)


def test_the_log_is_paginated(app, client, make_user):
    admin = make_user("beheerder")
    with app.app_context():  # sign-in throttling stops real attempts long before 25
        for _ in range(25):
            record(Action.SIGN_IN_FAILED, actor=None, outcome=Outcome.DENIED)
        db.session.commit()
    client.login(admin.email)
    first = rows(client.get("/beheer/audit?action=sign_in_failed").get_data(as_text=True))
    second = client.get("/beheer/audit?action=sign_in_failed&page=2").get_data(as_text=True)
    assert len(first) == 20 and len(rows(second)) == 5
    assert "25 gebeurtenissen" in second and 'rel="prev"' in second
