"""The resident-data check at every text entrance: comments, agenda items and updates,
bundles and curation; through the pages and the API; confirmed findings on /privacy-meldingen."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from rugzak.audit.models import AuditEvent
from rugzak.comments.models import Comment
from rugzak.extensions import db
from rugzak.privacy.models import PrivacyFinding

from .insight_helpers import bearer

BSN = "111222333"
QUESTION = "Staan hier gegevens van inwoners in?"


@pytest.fixture
def shared(make_user, make_experience):
    return make_experience(make_user(name="Auteur"), title="Gedeeld",
                           visibility="met_partners")


def stored(app) -> list[tuple]:
    with app.app_context():
        return [(f.subject_type, f.field, f.kind, f.experience_id) for f in
                db.session.scalars(select(PrivacyFinding).order_by(PrivacyFinding.id))]


def audited(app) -> list[tuple]:
    with app.app_context():
        return [(e.object_type, e.object_id) for e in db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "privacy_finding_confirmed"))]


def findings_page(client, make_user) -> str:
    client.logout()
    client.login(make_user("kernteam").email)
    response = client.get("/privacy-meldingen")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_comment_with_a_bsn_waits_for_confirmation_in_the_form(app, client, logged_in,
                                                              make_user, shared):
    logged_in()
    body = f"Bij ons had de moeder BSN {BSN}."
    page = f"/ervaringen/{shared.id}"
    refused = client.submit(f"/ervaringen/{shared.id}/reacties", {"body": body}, page=page)
    text = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert QUESTION in text and f'<mark class="finding">{BSN}</mark>' in text
    assert 'name="confirm_privacy"' in text and body in text  # what was typed is kept
    assert stored(app) == []
    confirmed = client.submit(f"/ervaringen/{shared.id}/reacties",
                              {"body": body, "confirm_privacy": "1"}, page=page)
    assert confirmed.status_code == 302
    number = int(confirmed.headers["Location"].rsplit("reactie-", 1)[1])
    assert stored(app) == [("comments", "body", "bsn", shared.id)]
    assert audited(app) == [("comments", number)]
    listed = findings_page(client, make_user)
    assert f'href="/ervaringen/{shared.id}#reactie-{number}"' in listed
    assert "Reactie" in listed and BSN not in listed


def test_editing_a_comment_is_checked_too(app, client, logged_in, shared):
    logged_in()
    page = f"/ervaringen/{shared.id}"
    saved = client.submit(f"/ervaringen/{shared.id}/reacties", {"body": "Herkenbaar."},
                          page=page)
    number = int(saved.headers["Location"].rsplit("reactie-", 1)[1])
    edit = f"/reacties/{number}/bewerken"
    refused = client.submit(edit, {"body": "Mail naar jan@voorbeeld.nl"})
    assert refused.status_code == 422 and QUESTION in refused.get_data(as_text=True)
    assert client.submit(edit, {"body": "Mail naar jan@voorbeeld.nl",
                                "confirm_privacy": "1"}).status_code == 302
    assert stored(app) == [("comments", "body", "e-mail", shared.id)]


def test_comment_api_answers_422_with_findings_until_confirmed(app, client, api_user,
                                                              shared):
    _, headers = api_user()
    url = f"/api/v1/experiences/{shared.id}/comments"
    refused = client.post(url, json={"body": f"BSN {BSN} stond erbij."}, headers=headers)
    assert refused.status_code == 422
    assert "confirm_privacy" in refused.json["fields"]
    assert [(f["field"], f["kind"], f["value"]) for f in refused.json["findings"]] == [
        ("body", "bsn", BSN)]
    with app.app_context():
        assert db.session.scalar(select(Comment)) is None
    saved = client.post(url, json={"body": f"BSN {BSN} stond erbij.", "confirm_privacy": True},
                        headers=headers)
    assert saved.status_code == 201
    assert stored(app) == [("comments", "body", "bsn", shared.id)]
    # a finding confirmed before on this comment is not asked about again
    again = client.put(f"/api/v1/comments/{saved.json['id']}",
                       json={"body": f"BSN {BSN} stond er echt bij."}, headers=headers)
    assert again.status_code == 200


def test_agenda_progress_update_waits_for_confirmation(app, client, logged_in, make_user):
    logged_in("kernteam")
    created = client.submit("/agenda/nieuw", {
        "title": "Vaste overdrachtsafspraken", "description": "Samen vastleggen.",
        "owner": "partner:uwv", "status": "idee", "target_date": "", "experience_ids": ""})
    number = int(created.headers["Location"].rsplit("/", 1)[1])
    text = f"Gesproken over dossier met BSN {BSN}."
    refused = client.submit(f"/agenda/{number}/voortgang", {"text": text, "status": ""},
                            page=f"/agenda/{number}")
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422 and QUESTION in page and text in page
    assert stored(app) == []
    confirmed = client.submit(f"/agenda/{number}/voortgang",
                              {"text": text, "status": "", "confirm_privacy": "1"},
                              page=f"/agenda/{number}")
    assert confirmed.status_code == 302
    assert stored(app) == [("agenda_updates", "text", "bsn", None)]
    listed = findings_page(client, make_user)
    assert f'href="/agenda/{number}"' in listed and "Vaste overdrachtsafspraken" in listed


def test_agenda_api_items_and_updates_are_checked(app, client, make_user):
    headers = bearer(app, make_user())
    item = {"title": "Afspraken", "description": "Bel 06-12345678 voor meer.",
            "owner": "partner:uwv", "status": "idee"}
    refused = client.post("/api/v1/agenda", headers=headers, json=item)
    assert refused.status_code == 422
    assert [f["kind"] for f in refused.json["findings"]] == ["telefoon"]
    created = client.post("/api/v1/agenda", headers=headers,
                          json={**item, "confirm_privacy": True})
    assert created.status_code == 201
    number = created.json["id"]
    update = {"text": f"BSN {BSN} genoemd."}
    refused = client.post(f"/api/v1/agenda/{number}/updates", headers=headers, json=update)
    assert refused.status_code == 422 and refused.json["findings"][0]["value"] == BSN
    confirmed = client.post(f"/api/v1/agenda/{number}/updates", headers=headers,
                            json={**update, "confirm_privacy": True})
    assert confirmed.status_code == 201
    assert stored(app) == [("agenda_items", "description", "telefoon", None),
                           ("agenda_updates", "text", "bsn", None)]


def test_partners_never_see_findings(client, logged_in, shared):
    logged_in()
    client.submit(f"/ervaringen/{shared.id}/reacties",
                  {"body": f"BSN {BSN}", "confirm_privacy": "1"},
                  page=f"/ervaringen/{shared.id}")
    client.logout()
    logged_in("partner")
    assert client.get("/privacy-meldingen").status_code == 403


def test_bundle_introduction_waits_for_confirmation(app, client, logged_in, make_user,
                                                    make_experience):
    logged_in("kernteam")
    data = {"title": "Regie in de wijk", "visibility": "intern",
            "intro": f"Begonnen bij de familie met BSN {BSN}."}
    refused = client.submit("/bundels/nieuw", data)
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422 and QUESTION in page and data["intro"] in page
    assert 'value="Regie in de wijk"' in page and stored(app) == []
    created = client.submit("/bundels/nieuw", {**data, "confirm_privacy": "1"})
    assert created.status_code == 302
    number = int(created.headers["Location"].rsplit("/", 1)[1])
    assert stored(app) == [("bundles", "intro", "bsn", None)]
    experience = make_experience(make_user(), title="Bron")
    note = {"bundle": str(number), "note": "Vraag Jan, 06-12345678."}
    refused = client.submit(f"/bundels/toevoegen/{experience.id}", note)
    assert refused.status_code == 422 and QUESTION in refused.get_data(as_text=True)
    assert client.submit(f"/bundels/toevoegen/{experience.id}",
                         {**note, "confirm_privacy": "1"}).status_code == 302
    assert stored(app)[1] == ("bundle_items", "note", "telefoon", experience.id)
    listed = findings_page(client, make_user)
    assert listed.count(f'href="/bundels/{number}"') == 2


def test_bundle_api_introduction_is_checked(app, client, make_user):
    headers = bearer(app, make_user("kernteam"))
    bundle = {"title": "Regie", "intro": f"BSN {BSN}."}
    refused = client.post("/api/v1/bundles", headers=headers, json=bundle)
    assert refused.status_code == 422 and refused.json["findings"][0]["kind"] == "bsn"
    assert client.post("/api/v1/bundles", headers=headers,
                       json={**bundle, "confirm_privacy": True}).status_code == 201


@pytest.mark.parametrize("note, kind", [("Rekening NL91ABNA0417164300 van de moeder.", "iban"),
                                        ("Bel mevrouw op 06-12345678.", "telefoon")])
def test_a_highlight_note_is_checked(app, client, logged_in, make_user, make_experience,
                                     note, kind):
    experience = make_experience(make_user(), title="Goed voorbeeld")
    logged_in("kernteam")
    url = f"/ervaringen/{experience.id}/uitlichten"
    refused = client.submit(url, {"note": note})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422 and QUESTION in page and note in page
    assert client.submit(url, {"note": note, "confirm_privacy": "1"}).status_code == 302
    assert stored(app) == [("experiences", "note", kind, experience.id)]


def test_curation_api_hide_reason_is_checked(app, client, make_user, make_experience):
    experience = make_experience(make_user(), title="Te verbergen")
    headers = bearer(app, make_user("kernteam"))
    url = f"/api/v1/experiences/{experience.id}/hidden"
    reason = {"reason": "Noemt jan@voorbeeld.nl."}
    refused = client.put(url, headers=headers, json=reason)
    assert refused.status_code == 422 and refused.json["findings"][0]["kind"] == "e-mail"
    assert client.put(url, headers=headers,
                      json={**reason, "confirm_privacy": True}).status_code == 200
    assert stored(app) == [("experiences", "reason", "e-mail", experience.id)]


def test_a_comment_hide_reason_is_checked(app, client, logged_in, shared):
    logged_in()
    saved = client.submit(f"/ervaringen/{shared.id}/reacties", {"body": "Herkenbaar."},
                          page=f"/ervaringen/{shared.id}")
    number = int(saved.headers["Location"].rsplit("reactie-", 1)[1])
    client.logout()
    logged_in("kernteam")
    reason = {"reason": f"Noemt het BSN {BSN}."}
    refused = client.submit(f"/reacties/{number}/verbergen", reason)
    assert refused.status_code == 422 and QUESTION in refused.get_data(as_text=True)
    assert client.submit(f"/reacties/{number}/verbergen",
                         {**reason, "confirm_privacy": "1"}).status_code == 302
    assert stored(app) == [("comments", "reason", "bsn", shared.id)]
