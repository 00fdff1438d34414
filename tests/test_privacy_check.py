"""The resident-data check before publishing, in the form and the API; the kernteam's list."""
from sqlalchemy import func, select

from rugzak.audit.models import AuditEvent
from rugzak.experiences.models import Experience
from rugzak.extensions import db
from rugzak.privacy.models import PrivacyFinding

BSN = "111222333"
QUESTION = "Staan hier gegevens van inwoners in?"


def form_data(**values):
    data = {"title": "Overdracht aan het wijkteam", "kind": "les",
            "situation": f"Moeder met BSN {BSN} kwam langs bij het loket.",
            "lesson": "Spreek vooraf af wie de regie heeft.", "publish": "1"}
    data.update(values)
    return data


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def stored_findings(app) -> list[tuple]:
    with app.app_context():
        return [(f.kind, f.field, f.snippet, f.confirmed_by_id) for f in
                db.session.scalars(select(PrivacyFinding).order_by(PrivacyFinding.id))]


def test_bsn_is_caught_before_publishing_and_the_form_keeps_everything(app, client, logged_in):
    logged_in()
    response = client.submit("/ervaringen/nieuw", form_data(tip="Bel 06-12345678 gerust."))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert QUESTION in page
    assert f'Moeder met BSN <mark class="finding">{BSN}</mark> kwam langs' in page
    assert "<strong>BSN</strong>" in page and "<strong>telefoonnummer</strong>" in page
    assert 'href="#situation"' in page and 'href="#tip"' in page
    assert 'value="Overdracht aan het wijkteam"' in page and "Bel 06-12345678 gerust." in page
    assert 'id="confirm_privacy"' in page and 'aria-describedby="confirm_privacy-fout"' in page
    assert count(app, Experience) == 0


def test_confirmed_findings_are_published_and_stored_masked(app, client, logged_in):
    user = logged_in()
    response = client.submit("/ervaringen/nieuw", form_data(confirm_privacy="1"))
    assert response.status_code == 302
    assert count(app, Experience) == 1
    [(kind, field, snippet, confirmed_by)] = stored_findings(app)
    assert (kind, field, confirmed_by) == ("bsn", "situation", user.id)
    assert snippet == "Moeder met BSN ••••••••• kwam langs bij het loket."
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(
            AuditEvent.action == "privacy_finding_confirmed"))
        assert event.detail == "1 bevestigd: bsn" and BSN not in event.detail
        assert BSN not in repr(db.session.execute(select(PrivacyFinding.__table__)).all())


def test_drafts_and_look_alikes_are_not_questioned(app, client, logged_in):
    logged_in()
    draft = form_data()
    del draft["publish"]
    assert client.submit("/ervaringen/nieuw", draft).status_code == 302
    clean = form_data(situation="Dossier 123456789 lag al een jaar stil; bel 14 020 gerust.")
    assert client.submit("/ervaringen/nieuw", clean).status_code == 302
    assert stored_findings(app) == []


def test_other_errors_and_findings_are_shown_together(client, logged_in):
    logged_in()
    response = client.submit("/ervaringen/nieuw", form_data(lesson="", confirm_privacy="1"))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Vul de les in." in page and QUESTION in page
    assert 'name="confirm_privacy" value="1" checked' in page  # the confirmation is kept


def test_a_confirmed_finding_is_not_asked_again_but_a_new_one_is(app, client, logged_in):
    logged_in()
    response = client.submit("/ervaringen/nieuw", form_data(confirm_privacy="1"))
    experience_id = int(response.headers["Location"].rsplit("/", 1)[1])
    edit_url = f"/ervaringen/{experience_id}/bewerken"
    form = form_data(version="1")
    assert client.submit(edit_url, form).status_code == 302
    form = form_data(version="2", result="Mail naar j.jansen@voorbeeld.nl volgde.")
    response = client.submit(edit_url, form)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "<strong>e-mailadres</strong>" in page and "<strong>BSN</strong>" not in page
    assert client.submit(edit_url, {**form, "confirm_privacy": "1"}).status_code == 302
    assert [kind for kind, *_ in stored_findings(app)] == ["bsn", "e-mail"]


def api_payload(**values):
    payload = {"title": "Overdracht", "situation": f"Vader, BSN {BSN}, belde.",
               "lesson": "Eerst bellen, dan mailen.", "status": "gepubliceerd"}
    payload.update(values)
    return payload


def test_api_answers_422_with_the_findings(app, client, logged_in):
    logged_in()
    headers = {"X-CSRFToken": client.csrf_token()}
    response = client.post("/api/v1/experiences", json=api_payload(), headers=headers)
    assert response.status_code == 422
    body = response.json
    assert "confirm_privacy" in body["fields"]
    assert body["findings"] == [{"field": "situation", "kind": "bsn", "value": BSN,
                                 "start": 11, "end": 20,
                                 "context": f"Vader, BSN {BSN}, belde."}]
    assert count(app, Experience) == 0
    response = client.post("/api/v1/experiences", json=api_payload(confirm_privacy=True),
                           headers=headers)
    assert response.status_code == 201
    assert "confirm_privacy" not in response.json
    experience = response.json
    update = {"version": experience["version"], "tip": "Bel 020-1234567 voor overleg."}
    response = client.put(f"/api/v1/experiences/{experience['id']}", json=update,
                          headers=headers)
    assert response.status_code == 422
    assert [f["kind"] for f in response.json["findings"]] == ["telefoon"]
    response = client.put(f"/api/v1/experiences/{experience['id']}",
                          json={**update, "confirm_privacy": True}, headers=headers)
    assert response.status_code == 200
    assert [kind for kind, *_ in stored_findings(app)] == ["bsn", "telefoon"]


def test_api_drafts_are_not_questioned(client, logged_in):
    logged_in()
    response = client.post("/api/v1/experiences", json=api_payload(status="concept"),
                           headers={"X-CSRFToken": client.csrf_token()})
    assert response.status_code == 201


def test_kernteam_reviews_the_confirmed_findings(app, client, make_user, make_experience):
    author = make_user()
    make_experience(author, title="Les met een BSN", situation=f"BSN {BSN} genoemd.",
                    confirm_privacy=True)
    for role, status in (("medewerker", 403), ("partner", 403), ("kernteam", 200),
                         ("beheerder", 200)):
        viewer = make_user(role)
        client.login(viewer.email)
        response = client.get("/privacy-meldingen")
        assert response.status_code == status, role
        if status == 200:
            page = response.get_data(as_text=True)
            assert "Les met een BSN" in page and "BSN ••••••••• genoemd." in page
            assert BSN not in page and author.name in page
        client.logout()


def test_findings_list_is_empty_at_first(client, logged_in):
    logged_in("kernteam")
    assert "Er zijn geen privacymeldingen." in client.get("/privacy-meldingen").get_data(
        as_text=True)


def test_curators_find_the_findings_under_beheer(client, make_user):
    for role, linked in (("medewerker", False), ("partner", False), ("kernteam", True),
                         ("beheerder", True)):
        client.login(make_user(role).email)
        overview = client.get("/beheer").get_data(as_text=True)
        assert ('href="/privacy-meldingen"' in overview) is linked
        client.logout()
