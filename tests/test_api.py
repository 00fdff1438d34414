"""The JSON API: the same rules as the HTML pages, Dutch errors, never a 500 for bad input."""
import pytest

from rugzak.auth.models import User
from rugzak.extensions import db

NEW = {
    "title": "Via de API", "situation": "Een casusoverleg.", "lesson": "Maak één plan.",
    "kind": "les", "occurred_on": "2025-06-01", "departments": ["werk-en-inkomen"],
    "partners": ["uwv"], "goals": ["integrale-toegang"],
    "conditions": [{"condition": "transparantie", "effect": "hielp"}],
    "tags": ["Casusoverleg"], "visibility": "met_partners", "status": "gepubliceerd",
}


def test_requests_without_credentials_get_401_json(client):
    response = client.get("/api/v1/experiences")
    assert response.status_code == 401
    assert response.get_json()["error"] == "Log in of gebruik een geldige API-token."
    bad = client.get("/api/v1/experiences", headers={"Authorization": "Bearer onzin"})
    assert bad.status_code == 401


def test_create_read_and_list(client, api_user):
    user, headers = api_user(name="Ayla Koç")
    response = client.post("/api/v1/experiences", json=NEW, headers=headers)
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["author"] == {"id": user.id, "name": "Ayla Koç"}
    assert body["conditions"] == [{"condition": "transparantie", "effect": "hielp"}]
    assert body["tags"] == ["casusoverleg"] and body["version"] == 1
    assert body["url"].endswith(f"/ervaringen/{body['id']}")
    assert body["occurred_on"] == "2025-06-01"
    item = client.get(f"/api/v1/experiences/{body['id']}", headers=headers).get_json()
    assert item["title"] == "Via de API"
    listing = client.get("/api/v1/experiences", headers=headers).get_json()
    assert listing["total"] == 1 and listing["items"][0]["id"] == body["id"]


def test_validation_errors_are_dutch_422(client, api_user):
    _, headers = api_user()
    response = client.post("/api/v1/experiences", json={**NEW, "title": "", "kind": "x",
                                                        "departments": ["nergens"]},
                           headers=headers)
    assert response.status_code == 422
    body = response.get_json()
    assert body["error"] == "De invoer klopt niet."
    assert body["fields"]["title"] == "Vul een titel in."
    assert body["fields"]["departments"] == "Onbekende afdeling: nergens."
    assert "kind" in body["fields"]


@pytest.mark.parametrize("payload, field", [
    ({"title": 12}, "title"),
    ({"occurred_on": "gisteren"}, "occurred_on"),
    ({"departments": "werk-en-inkomen"}, "departments"),
    ({"conditions": [{"condition": "transparantie"}]}, "conditions"),
    ({"anonymous": "misschien"}, "anonymous"),
])
def test_wrong_types_are_422_with_the_field(client, api_user, payload, field):
    _, headers = api_user()
    response = client.post("/api/v1/experiences", json={**NEW, **payload}, headers=headers)
    assert response.status_code == 422
    assert field in response.get_json()["fields"]


def test_broken_json_is_400(client, api_user):
    _, headers = api_user()
    response = client.post("/api/v1/experiences", data="{kapot",
                           headers={**headers, "Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.get_json()["error"] == "Het verzoek bevat geen geldige JSON."
    listed = client.post("/api/v1/experiences", json=[1, 2], headers=headers)
    assert listed.status_code == 422


def test_put_requires_version_and_refuses_a_stale_one(client, api_user):
    _, headers = api_user()
    created = client.post("/api/v1/experiences", json=NEW, headers=headers).get_json()
    url = f"/api/v1/experiences/{created['id']}"
    missing = client.put(url, json={"title": "Zonder versie"}, headers=headers)
    assert missing.status_code == 422 and "version" in missing.get_json()["fields"]
    updated = client.put(url, json={"title": "Nieuw", "version": 1}, headers=headers)
    assert updated.status_code == 200
    assert updated.get_json()["version"] == 2
    assert updated.get_json()["lesson"] == "Maak één plan."  # omitted fields stay
    stale = client.put(url, json={"title": "Oud", "version": 1}, headers=headers)
    assert stale.status_code == 409
    assert "intussen gewijzigd" in stale.get_json()["error"]
    assert client.get(url, headers=headers).get_json()["title"] == "Nieuw"


def test_put_can_send_back_what_get_returned(client, api_user):
    _, headers = api_user()
    created = client.post("/api/v1/experiences", json=NEW, headers=headers).get_json()
    created["title"] = "Teruggestuurd"
    response = client.put(f"/api/v1/experiences/{created['id']}", json=created,
                          headers=headers)
    assert response.status_code == 200
    assert response.get_json()["title"] == "Teruggestuurd"


def test_visibility_rules_apply(client, make_user, make_experience, api_user):
    author = make_user()
    internal = make_experience(author, title="Intern", visibility="intern")
    shared = make_experience(author, title="Gedeeld", visibility="met_partners")
    draft = make_experience(author, title="Concept", status="concept")
    _, partner = api_user("partner")
    titles = [i["title"] for i in client.get("/api/v1/experiences",
                                             headers=partner).get_json()["items"]]
    assert titles == ["Gedeeld"]
    assert client.get(f"/api/v1/experiences/{internal.id}", headers=partner).status_code == 404
    assert client.get(f"/api/v1/experiences/{shared.id}", headers=partner).status_code == 200
    _, colleague = api_user()
    assert client.get(f"/api/v1/experiences/{draft.id}", headers=colleague).status_code == 404
    assert client.put(f"/api/v1/experiences/{shared.id}", json={"version": 1},
                      headers=colleague).status_code == 403


def test_anonymous_author_is_null_except_for_author_and_beheerder(client, make_user,
                                                                  make_experience, token_for):
    author = make_user()
    experience = make_experience(author, anonymous=True)
    url = f"/api/v1/experiences/{experience.id}"
    assert client.get(url, headers=token_for(make_user())).get_json()["author"] is None
    assert client.get(url, headers=token_for(author)).get_json()["author"]["id"] == author.id
    beheerder = make_user("beheerder")
    assert client.get(url, headers=token_for(beheerder)).get_json()["author"]["id"] == author.id


def test_fields_a_user_may_not_set_are_ignored(client, api_user, make_user, make_experience):
    _, headers = api_user()
    other = make_user()
    response = client.post("/api/v1/experiences",
                           json={**NEW, "author": {"id": other.id}, "id": 999, "version": 7},
                           headers=headers)
    body = response.get_json()
    assert response.status_code == 201
    assert body["author"]["id"] != other.id and body["version"] == 1 and body["id"] != 999


def test_partner_experience_is_shared_with_partners(client, api_user):
    _, headers = api_user("partner")
    body = client.post("/api/v1/experiences", json={**NEW, "visibility": "intern"},
                       headers=headers).get_json()
    assert body["visibility"] == "met_partners"


def test_session_calls_need_the_csrf_header(client, logged_in):
    logged_in()
    assert client.get("/api/v1/experiences").status_code == 200
    refused = client.post("/api/v1/experiences", json=NEW)
    assert refused.status_code == 400
    assert "formulier is verlopen" in refused.get_json()["error"]
    token = client.csrf_token("/")
    accepted = client.post("/api/v1/experiences", json=NEW, headers={"X-CSRFToken": token})
    assert accepted.status_code == 201


def test_pagination_arguments(client, api_user, make_experience):
    user, headers = api_user()
    for number in range(3):
        make_experience(user, title=f"E{number}")
    page = client.get("/api/v1/experiences?per_page=2&page=2", headers=headers).get_json()
    assert page["total"] == 3 and page["pages"] == 2 and len(page["items"]) == 1
    bad = client.get("/api/v1/experiences?page=0", headers=headers)
    assert bad.status_code == 422 and "page" in bad.get_json()["fields"]
    assert client.get("/api/v1/experiences?per_page=x", headers=headers).status_code == 422


def test_taxonomy_lists_slugs(client, api_user):
    _, headers = api_user()
    body = client.get("/api/v1/taxonomy", headers=headers).get_json()
    assert [d["slug"] for d in body["departments"]] == [
        "jeugd-en-onderwijs", "werk-en-inkomen", "zorg-en-welzijn-wmo"]
    assert len(body["conditions"]) == 5 and len(body["goals"]) == 5
    assert {"slug": "uwv", "name": "UWV", "active": True} in body["partners"]


def test_unknown_id_and_method(client, api_user):
    _, headers = api_user()
    missing = client.get("/api/v1/experiences/424242", headers=headers)
    assert missing.status_code == 404 and missing.get_json()["error"]
    assert client.patch("/api/v1/experiences/1", headers=headers).status_code == 405


def test_openapi_document(client, api_user):
    _, headers = api_user()
    spec = client.get("/api/v1/openapi.json", headers=headers).get_json()
    assert "/api/v1/experiences/{experience_id}" in spec["paths"]
    assert "bearer" in spec["components"]["securitySchemes"]


def test_revoked_token_and_deactivated_user_are_refused(app, client, api_user):
    user, headers = api_user()
    assert client.get("/api/v1/taxonomy", headers=headers).status_code == 200
    with app.app_context():
        db.session.get(User, user.id).active = False
        db.session.commit()
    assert client.get("/api/v1/taxonomy", headers=headers).status_code == 401
