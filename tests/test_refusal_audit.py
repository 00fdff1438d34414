"""Issue 20, finding 7: refusals leave an audit event, aggregated so attacks cannot flood it."""
from __future__ import annotations

from sqlalchemy import select

from rugzak.audit.models import Action, AuditEvent, Outcome
from rugzak.extensions import db

from .test_audit_view import rows

BAD_TOKEN = {"Authorization": "Bearer dit-is-geen-token"}


def refusals(app, action: Action) -> list[AuditEvent]:
    with app.app_context():
        found = db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)
                                   .order_by(AuditEvent.id)).all()
        db.session.expunge_all()
        return found


def test_a_forbidden_page_is_audited(app, client, logged_in):
    user = logged_in()
    assert client.get("/beheer/audit").status_code == 403
    [event] = refusals(app, Action.REFUSED_FORBIDDEN)
    assert (event.actor_id, event.outcome, event.detail, event.times) == (
        user.id, Outcome.DENIED, "GET /beheer/audit", 1)


def test_a_draft_of_someone_else_is_audited_as_not_found(app, client, logged_in, make_user,
                                                         make_experience):
    draft = make_experience(make_user(), status="concept")
    reader = logged_in()
    assert client.get(f"/ervaringen/{draft.id}").status_code == 404
    assert client.get(f"/api/v1/experiences/{draft.id}").status_code == 404
    found = refusals(app, Action.REFUSED_NOT_FOUND)
    assert [(e.actor_id, e.detail) for e in found] == [
        (reader.id, "GET /ervaringen/<int:experience_id>"),
        (reader.id, "GET /api/v1/experiences/<int:experience_id>")]


def test_a_form_without_csrf_token_is_audited_and_nothing_is_saved(app, client, logged_in):
    user = logged_in()
    response = client.post("/ervaringen/nieuw", data={"title": "Zonder token"})
    assert response.status_code == 400
    [event] = refusals(app, Action.REFUSED_CSRF)
    assert (event.actor_id, event.detail) == (user.id, "POST /ervaringen/nieuw")


def test_a_bad_api_token_is_audited_with_the_address(app, client):
    response = client.get("/api/v1/experiences", headers=BAD_TOKEN,
                          environ_base={"REMOTE_ADDR": "10.6.6.6"})
    assert response.status_code == 401
    [event] = refusals(app, Action.REFUSED_SIGN_IN)
    assert (event.actor_id, event.address, event.detail) == (
        None, "10.6.6.6", "GET /api/v1/experiences")


def test_a_rate_limit_is_audited(app, client, api_user):
    app.config["RATE_LIMIT_PER_MINUTE"] = 1
    user, token = api_user()
    statuses = [client.get("/api/v1/experiences", headers=token).status_code for _ in range(3)]
    assert statuses == [200, 429, 429]
    [event] = refusals(app, Action.REFUSED_RATE)
    assert (event.actor_id, event.times) == (user.id, 2)


def test_a_failed_sign_in_is_not_audited_twice(app, client, make_user):
    client.submit("/inloggen", {"email": make_user().email, "password": "helemaal verkeerd!"})
    assert refusals(app, Action.REFUSED_SIGN_IN) == []


def test_five_hundred_refusals_make_a_bounded_number_of_rows(app, client, logged_in):
    for _ in range(500):
        assert client.get("/api/v1/experiences", headers=BAD_TOKEN).status_code == 401
    logged_in()
    for number in range(100):  # ten thousand made-up addresses are one route
        assert client.get(f"/geheim-{number}").status_code == 404
    tokens = refusals(app, Action.REFUSED_SIGN_IN)
    assert len(tokens) <= 2  # a minute may turn over during the test
    assert sum(event.times for event in tokens) == 500
    unknown = refusals(app, Action.REFUSED_NOT_FOUND)
    assert len(unknown) <= 2 and sum(event.times for event in unknown) == 100
    assert {event.detail for event in unknown} == {"GET (onbekende pagina)"}


def test_the_beheerder_sees_refusals_with_their_count(app, client, logged_in):
    for _ in range(3):
        client.get("/api/v1/experiences", headers=BAD_TOKEN)
    logged_in("beheerder")
    page = client.get("/beheer/audit?action=refused_sign_in").get_data(as_text=True)
    [row] = rows(page)
    assert "Geweigerd: niet ingelogd of ongeldige API-token" in row
    assert "GET /api/v1/experiences (3 keer)" in row
    assert "Geweigerd" in row
