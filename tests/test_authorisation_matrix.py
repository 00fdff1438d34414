"""Every route of the app, for every role, against an explicit table of expected answers.

A route that is missing from the table fails the test: add it, with what each role should get.
Unsafe requests carry a valid CSRF token and a minimal body (no state changes beyond that).
"""
from __future__ import annotations

import re

import pytest

ROLES = ("anonymous", "partner", "medewerker", "kernteam", "beheerder")
EXP = "/ervaringen/<int:experience_id>"
API_EXP = "/api/v1/experiences/<int:experience_id>"
WIPE = "/beheer/gebruikers/<int:user_id>/wissen"

# (method, rule): statuses for (anonymous, partner, medewerker, kernteam, beheerder).
# The experience is published "met partners" by another medewerker: everyone signed in may read
# it, only kernteam (and its author) may edit it.
EXPECTED = {
    ("GET", "/"): (302, 200, 200, 200, 200),
    ("GET", "/account"): (302, 200, 200, 200, 200),
    ("GET", "/account/gegevens"): (302, 200, 200, 200, 200),
    ("POST", "/account/sessies/beeindigen"): (302, 302, 302, 302, 302),
    ("GET", "/account/wachtwoord"): (302, 200, 200, 200, 200),
    ("POST", "/account/wachtwoord"): (302, 422, 422, 422, 422),
    ("GET", "/api/v1/experiences"): (401, 200, 200, 200, 200),
    ("POST", "/api/v1/experiences"): (401, 422, 422, 422, 422),
    ("GET", API_EXP): (401, 200, 200, 200, 200),
    ("PUT", API_EXP): (401, 403, 403, 200, 403),
    ("GET", "/api/v1/openapi.json"): (401, 200, 200, 200, 200),
    ("GET", "/api/v1/search"): (401, 200, 200, 200, 200),
    ("GET", "/api/v1/taxonomy"): (401, 200, 200, 200, 200),
    ("GET", WIPE): (302, 403, 403, 403, 200),
    ("POST", WIPE): (302, 403, 403, 403, 422),
    ("GET", "/ervaringen"): (302, 200, 200, 200, 200),
    ("GET", EXP): (302, 200, 200, 200, 200),
    ("GET", EXP + "/bewerken"): (302, 403, 403, 200, 403),
    ("POST", EXP + "/bewerken"): (302, 403, 403, 302, 403),
    ("GET", "/ervaringen/nieuw"): (302, 200, 200, 200, 200),
    ("POST", "/ervaringen/nieuw"): (302, 422, 422, 422, 422),
    ("GET", "/healthz"): (200, 200, 200, 200, 200),
    ("GET", "/inloggen"): (200, 302, 302, 302, 302),
    ("POST", "/inloggen"): (401, 302, 302, 302, 302),
    ("GET", "/mijn-ervaringen"): (302, 200, 200, 200, 200),
    ("GET", "/privacy-meldingen"): (302, 403, 403, 200, 200),
    ("GET", "/static/<path:filename>"): (200, 200, 200, 200, 200),
    ("POST", "/uitloggen"): (302, 302, 302, 302, 302),
    ("GET", "/zoeken"): (302, 200, 200, 200, 200),
}
SIGN_OUT = ("POST", "/uitloggen")  # walked last: it ends the session


def routes(app) -> list[tuple[str, str]]:
    found = {(method, rule.rule) for rule in app.url_map.iter_rules()
             for method in rule.methods - {"HEAD", "OPTIONS"}}
    return sorted(found, key=lambda route: (route == SIGN_OUT, route))


def test_every_route_is_in_the_table(app):
    missing = [f"{method} {rule}" for method, rule in routes(app) if (method, rule) not in EXPECTED]
    assert not missing, ("Routes without expected answers in EXPECTED (add them, with the "
                         "status for each role): " + ", ".join(missing))
    stale = [f"{m} {r}" for m, r in EXPECTED if (m, r) not in set(routes(app))]
    assert not stale, "EXPECTED lists routes the app no longer has: " + ", ".join(stale)


@pytest.fixture
def world(app, make_user, make_experience):
    owner = make_user("medewerker")
    experience = make_experience(owner, visibility="met_partners", title="Gedeelde les")
    target = make_user("medewerker")
    return {"experience_id": experience.id, "user_id": target.id, "filename": "rugzak.css"}


def url_for_rule(rule: str, values: dict) -> str:
    return re.sub(r"<(?:[^:>]+:)?([^>]+)>", lambda m: str(values[m.group(1)]), rule)


def current_version(app, experience_id: int) -> int:
    from rugzak.experiences.models import Experience
    from rugzak.extensions import db

    with app.app_context():
        return db.session.get(Experience, experience_id).version


def body_for(app, method: str, rule: str, values: dict) -> dict:
    if rule == EXP + "/bewerken":
        return {"version": str(current_version(app, values["experience_id"]))}
    if method == "PUT" and rule == API_EXP:
        return {"version": current_version(app, values["experience_id"])}
    return {}


def call(app, client, method: str, rule: str, values: dict):
    url = url_for_rule(rule, values)
    if method == "GET":
        return client.get(url + ("?q=les" if "search" in rule or "zoeken" in rule else ""))
    token = client.csrf_token("/inloggen" if rule == "/inloggen" else "/")
    body = body_for(app, method, rule, values)
    if rule.startswith("/api/"):
        return client.open(url, method=method, json=body, headers={"X-CSRFToken": token})
    return client.open(url, method=method, data={**body, "csrf_token": token})


@pytest.mark.parametrize("role", ROLES)
def test_authorisation_matrix(app, make_user, world, role):
    client = app.test_client()
    if role != "anonymous":
        client.login(make_user(role).email)
    column = ROLES.index(role)
    wrong = []
    for method, rule in routes(app):
        response = call(app, client, method, rule, world)
        expected = EXPECTED[(method, rule)][column]
        if response.status_code != expected:
            wrong.append(f"{method} {rule}: {response.status_code}, expected {expected}")
    assert not wrong, f"{role}: " + "; ".join(wrong)


def test_every_unsafe_route_refuses_a_missing_or_wrong_csrf_token(app, make_user, world):
    client = app.test_client()
    client.login(make_user("beheerder").email)
    anonymous = app.test_client()
    unsafe = [(m, r) for m, r in routes(app) if m not in ("GET", "HEAD", "OPTIONS")]
    assert len(unsafe) >= 8
    for method, rule in unsafe:
        url = url_for_rule(rule, world)
        who = anonymous if rule == "/inloggen" else client
        body = body_for(app, method, rule, world)
        for token in (None, "niet-het-goede-token"):
            if rule.startswith("/api/"):
                headers = {"X-CSRFToken": token} if token else {}
                response = who.open(url, method=method, json=body, headers=headers)
                assert response.status_code == 400, (method, rule, token)
                assert "formulier is verlopen" in response.json["error"]
            else:
                data = {**body, **({"csrf_token": token} if token else {})}
                response = who.open(url, method=method, data=data)
                assert response.status_code == 400, (method, rule, token)
                assert "formulier is verlopen" in response.get_data(as_text=True)
    assert client.get("/ervaringen").status_code == 200  # still signed in: sign-out refused too
