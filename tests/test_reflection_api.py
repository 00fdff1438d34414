"""/api/v1/reflection/sessions: read-only, what the caller may see, partners filtered."""
from __future__ import annotations

from . import test_reflection

people = test_reflection.people
world = test_reflection.world
plan = test_reflection.plan


def test_the_api_lists_and_shows_only_what_the_caller_may_see(app, people, world, token_for):
    planner = app.test_client()
    with_partner = plan(planner, people, world, "mira", "pim")
    colleagues = plan(planner, people, world, "mira", "cor", title="Alleen collega's")
    client = app.test_client()  # without the planner's (signed out) session cookie
    partner = token_for(people["pim"])
    listed = client.get("/api/v1/reflection/sessions", headers=partner).get_json()
    assert [s["id"] for s in listed["items"]] == [with_partner] and listed["total"] == 1
    assert listed["items"][0]["state"] == "gepland"
    assert {"name": "Pim Partner", "organisation": "UWV"} in listed["items"][0]["participants"]
    shown = client.get(f"/api/v1/reflection/sessions/{with_partner}", headers=partner)
    assert shown.status_code == 200
    body = shown.get_json()
    assert body["experience_ids"] == [world["shared"]]
    assert all(result["mean"] is None for result in body["temperatures"])
    assert client.get(f"/api/v1/reflection/sessions/{colleagues}",
                      headers=partner).status_code == 404
    colleague = token_for(people["cor"])
    inside = client.get(f"/api/v1/reflection/sessions/{colleagues}", headers=colleague)
    assert set(inside.get_json()["experience_ids"]) == {world["shared"], world["internal"]}
    outsider = token_for(people["olga"])
    assert client.get("/api/v1/reflection/sessions", headers=outsider).get_json()["total"] == 0
    core = token_for(people["kern"])
    assert client.get("/api/v1/reflection/sessions", headers=core).get_json()["total"] == 2


def test_the_api_is_in_the_openapi_document(client, people, token_for):
    spec = client.get("/api/v1/openapi.json", headers=token_for(people["mira"])).get_json()
    assert {"/api/v1/reflection/sessions",
            "/api/v1/reflection/sessions/{session_id}"} <= set(spec["paths"])
