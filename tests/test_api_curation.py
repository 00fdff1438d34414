"""The curation, collaboration and administration API: the same rules as the pages."""
from __future__ import annotations

import pytest

from .test_admin_users import set_password

ROLES = ["medewerker", "partner", "kernteam", "beheerder"]


@pytest.fixture
def shared(make_user, make_experience):
    return make_experience(make_user(), title="Gedeeld", situation="overleg",
                           visibility="met_partners", tags=["wijkteam"])


@pytest.mark.parametrize("role", ROLES)
def test_highlight_and_hide_only_for_kernteam(client, api_user, shared, role):
    _, headers = api_user(role)
    url = f"/api/v1/experiences/{shared.id}"
    expected = 200 if role == "kernteam" else 403
    assert client.put(f"{url}/highlight", json={"note": "Mooi"},
                      headers=headers).status_code == expected
    assert client.delete(f"{url}/highlight", headers=headers).status_code == expected
    assert client.put(f"{url}/hidden", json={"reason": "Privacy"},
                      headers=headers).status_code == expected
    assert client.delete(f"{url}/hidden", headers=headers).status_code == expected


def test_highlight_hide_restore_through_the_api(client, api_user, shared):
    _, curator = api_user("kernteam")
    _, reader = api_user()
    url = f"/api/v1/experiences/{shared.id}"
    state = client.put(f"{url}/highlight", json={"note": "Laat zien hoe het kan."},
                       headers=curator).get_json()
    assert state["highlighted"] and state["highlight_note"] == "Laat zien hoe het kan."
    assert client.get(url, headers=reader).get_json()["highlight_note"] == \
        "Laat zien hoe het kan."
    found = client.get("/api/v1/search?q=overleg&highlighted=ja", headers=reader).get_json()
    assert [r["title"] for r in found["results"]] == ["Gedeeld"]
    bad = client.put(f"{url}/hidden", json={"reason": " "}, headers=curator)
    assert bad.status_code == 422 and "reason" in bad.get_json()["fields"]
    missing = client.put(f"{url}/hidden", json={}, headers=curator)
    assert missing.status_code == 422 and "reason" in missing.get_json()["fields"]
    hidden = client.put(f"{url}/hidden", json={"reason": "Privacy"}, headers=curator)
    assert hidden.get_json()["hidden"] and not hidden.get_json()["highlighted"]
    assert client.get(url, headers=reader).status_code == 404
    assert client.get("/api/v1/search?q=overleg", headers=reader).get_json()["total"] == 0
    assert client.delete(f"{url}/hidden", headers=curator).get_json()["hidden"] is False
    assert client.get("/api/v1/search?q=overleg", headers=reader).get_json()["total"] == 1


def test_recognition_through_the_api(client, api_user, shared, make_user, make_experience):
    _, headers = api_user("partner")
    url = f"/api/v1/experiences/{shared.id}/recognition"
    assert client.get(url, headers=headers).get_json() == {"count": 0, "mine": False}
    assert client.put(url, headers=headers).get_json() == {"count": 1, "mine": True}
    assert client.put(url, headers=headers).get_json() == {"count": 1, "mine": True}
    assert client.get(f"/api/v1/experiences/{shared.id}",
                      headers=headers).get_json()["recognitions"] == 1
    assert client.delete(url, headers=headers).get_json() == {"count": 0, "mine": False}
    internal = make_experience(make_user(), visibility="intern")
    assert client.put(f"/api/v1/experiences/{internal.id}/recognition",
                      headers=headers).status_code == 404


def test_comments_through_the_api(client, api_user, shared):
    writer, headers = api_user(name="Denker")
    _, other = api_user()
    _, curator = api_user("kernteam")
    _, partner = api_user("partner")
    url = f"/api/v1/experiences/{shared.id}/comments"
    assert client.post(url, json={"body": ""}, headers=headers).status_code == 422
    created = client.post(url, json={"body": "Herkenbaar!"}, headers=headers)
    assert created.status_code == 201
    comment = created.get_json()
    assert comment["author"] == {"id": writer.id, "name": "Denker"}
    item = f"/api/v1/comments/{comment['id']}"
    assert client.put(item, json={"body": "Anders"}, headers=other).status_code == 403
    assert client.delete(item, headers=other).status_code == 403
    assert client.put(item, json={"body": "Aangepast"}, headers=headers).get_json()[
        "body"] == "Aangepast"
    assert client.put(f"{item}/hidden", json={"reason": "x"},
                      headers=other).status_code == 403
    assert client.put(f"{item}/hidden", json={"reason": "Ongepast"},
                      headers=curator).get_json()["hidden"] is True
    assert client.get(url, headers=partner).get_json()["items"] == []
    assert [c["hidden_reason"] for c in client.get(url, headers=headers).get_json()["items"]] \
        == ["Ongepast"]
    assert client.put(item, json={"body": "Omzeild"}, headers=headers).status_code == 403
    client.delete(f"{item}/hidden", headers=curator)
    assert len(client.get(url, headers=partner).get_json()["items"]) == 1
    assert client.delete(item, headers=headers).status_code == 204
    assert client.get(url, headers=headers).get_json()["items"] == []


@pytest.mark.parametrize("role", ROLES)
def test_bundles_only_kept_by_kernteam(client, api_user, shared, role):
    _, curator = api_user("kernteam")
    bundle = client.post("/api/v1/bundles", json={"title": "Thema", "visibility": "met_partners"},
                         headers=curator).get_json()
    _, headers = api_user(role)
    may = role == "kernteam"
    assert client.post("/api/v1/bundles", json={"title": "Nog een"},
                       headers=headers).status_code == (201 if may else 403)
    url = f"/api/v1/bundles/{bundle['id']}"
    assert client.put(url, json={"title": "Anders"}, headers=headers).status_code == \
        (200 if may else 403)
    assert client.post(f"{url}/items", json={"experience_id": shared.id},
                       headers=headers).status_code == (201 if may else 403)
    assert client.get(url, headers=headers).status_code == 200


def test_bundle_items_through_the_api(client, api_user, make_user, make_experience):
    author = make_user()
    shared = make_experience(author, title="Gedeeld", visibility="met_partners")
    internal = make_experience(author, title="Intern", visibility="intern")
    _, curator = api_user("kernteam")
    _, partner = api_user("partner")
    bundle = client.post("/api/v1/bundles", json={"title": "Thema", "visibility": "met_partners",
                                                  "intro": "Waarom"}, headers=curator).get_json()
    url = f"/api/v1/bundles/{bundle['id']}"
    client.post(f"{url}/items", json={"experience_id": shared.id, "note": "Eerst"},
                headers=curator)
    body = client.post(f"{url}/items", json={"experience_id": internal.id},
                       headers=curator).get_json()
    assert [i["title"] for i in body["items"]] == ["Gedeeld", "Intern"]
    again = client.post(f"{url}/items", json={"experience_id": internal.id}, headers=curator)
    assert again.status_code == 422
    moved = client.patch(f"{url}/items/{body['items'][1]['id']}",
                         json={"move": "up", "note": "Nu eerst"}, headers=curator).get_json()
    assert [(i["title"], i["note"]) for i in moved["items"]] == [("Intern", "Nu eerst"),
                                                                 ("Gedeeld", "Eerst")]
    assert client.patch(f"{url}/items/{body['items'][1]['id']}", json={"move": "zijwaarts"},
                        headers=curator).status_code == 422
    seen = client.get(url, headers=partner).get_json()
    assert [i["title"] for i in seen["items"]] == ["Gedeeld"] and seen["item_count"] == 1
    listed = client.get("/api/v1/bundles", headers=partner).get_json()["items"]
    assert [b["item_count"] for b in listed] == [1]
    assert client.delete(f"{url}/items/{body['items'][1]['id']}",
                         headers=partner).status_code == 403
    assert client.delete(f"{url}/items/{body['items'][1]['id']}",
                         headers=curator).status_code == 204
    internal_bundle = client.post("/api/v1/bundles", json={"title": "Binnen"},
                                  headers=curator).get_json()
    assert client.get(f"/api/v1/bundles/{internal_bundle['id']}",
                      headers=partner).status_code == 404


@pytest.mark.parametrize("role", ["medewerker", "partner", "kernteam"])
def test_users_api_is_for_the_beheerder(client, api_user, make_user, role):
    other = make_user()
    _, headers = api_user(role)
    assert client.get("/api/v1/users", headers=headers).status_code == 403
    assert client.post("/api/v1/users", json={"email": "x@gemeente.example", "name": "X",
                                              "role": "medewerker",
                                              "department": "werk-en-inkomen"},
                       headers=headers).status_code == 403
    for action in ("deactivate", "reactivate", "password-link"):
        assert client.post(f"/api/v1/users/{other.id}/{action}",
                           headers=headers).status_code == 403


def test_users_through_the_api(app, client, api_user, make_user):
    user = make_user(name="Kees Smit")
    _, admin = api_user("beheerder")
    found = client.get("/api/v1/users?q=kees", headers=admin).get_json()["items"]
    assert [u["name"] for u in found] == ["Kees Smit"]
    bad = client.post("/api/v1/users", json={"email": "nieuw@gemeente.example", "name": "N",
                                             "role": "partner"}, headers=admin)
    assert bad.status_code == 422 and "partner" in bad.get_json()["fields"]
    created = client.post("/api/v1/users", json={"email": "nieuw@gemeente.example",
                                                 "name": "Nieuw", "role": "partner",
                                                 "partner": "uwv"}, headers=admin)
    assert created.status_code == 201
    link = created.get_json()["password_link"].replace("http://localhost", "")
    assert set_password(app.test_client(), link).status_code == 302
    changed = client.put(f"/api/v1/users/{user.id}", json={"role": "kernteam",
                                                          "department": "jeugd-en-onderwijs"},
                         headers=admin).get_json()
    assert changed["role"] == "kernteam" and changed["department"] == "jeugd-en-onderwijs"
    user_client = app.test_client()
    user_client.login(user.email)
    assert client.post(f"/api/v1/users/{user.id}/deactivate",
                       headers=admin).get_json()["active"] is False
    assert user_client.get("/").status_code == 302
    assert client.post(f"/api/v1/users/{user.id}/password-link",
                       headers=admin).status_code == 422
    assert client.post(f"/api/v1/users/{user.id}/reactivate",
                       headers=admin).get_json()["active"] is True


@pytest.mark.parametrize("role, tags_ok, admin_ok", [
    ("medewerker", False, False), ("partner", False, False),
    ("kernteam", True, False), ("beheerder", True, True)])
def test_taxonomy_api_permissions(client, api_user, shared, role, tags_ok, admin_ok):
    _, headers = api_user(role)
    assert client.get("/api/v1/taxonomy/tags", headers=headers).status_code == \
        (200 if tags_ok else 403)
    assert client.post("/api/v1/taxonomy/goals", json={"name": f"Doel {role}"},
                       headers=headers).status_code == (201 if tags_ok else 403)
    assert client.post("/api/v1/taxonomy/departments", json={"name": f"Afdeling {role}"},
                       headers=headers).status_code == (201 if admin_ok else 403)


def test_taxonomy_through_the_api(client, api_user, make_user, make_experience):
    author = make_user()
    make_experience(author, title="Een", situation="overleg", tags=["wijk team"])
    make_experience(author, title="Twee", situation="overleg", tags=["wijkteam"])
    _, curator = api_user("kernteam")
    tags = {t["name"]: t for t in client.get("/api/v1/taxonomy/tags",
                                             headers=curator).get_json()["items"]}
    renamed = client.put(f"/api/v1/taxonomy/tags/{tags['wijkteam']['id']}",
                         json={"name": "Buurtteam"}, headers=curator).get_json()
    assert renamed == {"id": tags["wijkteam"]["id"], "name": "buurtteam", "count": 1}
    merged = client.post(f"/api/v1/taxonomy/tags/{tags['wijk team']['id']}/merge",
                         json={"into": tags["wijkteam"]["id"]}, headers=curator).get_json()
    assert merged["count"] == 2
    found = client.get("/api/v1/search?q=buurtteam", headers=curator).get_json()
    assert found["total"] == 2
    retired = client.put("/api/v1/taxonomy/goals/integrale-toegang",
                         json={"name": "Integrale toegang", "active": False}, headers=curator)
    assert retired.status_code == 200 and retired.get_json()["active"] is False
    clash = client.post("/api/v1/taxonomy/goals", json={"name": "Werk boven uitkering"},
                        headers=curator)
    assert clash.status_code == 422 and "name" in clash.get_json()["fields"]


@pytest.fixture
def kept(client, api_user, make_user, shared):
    """Objects of others, made by the people who may: ids by name for the URLs below."""
    _, curator = api_user("kernteam")
    _, admin = api_user("beheerder")
    _, writer = api_user()
    comment = client.post(f"/api/v1/experiences/{shared.id}/comments", json={"body": "Ja!"},
                          headers=writer).get_json()
    bundle = client.post("/api/v1/bundles", json={"title": "Regie"}, headers=curator).get_json()
    item = client.post("/api/v1/agenda", headers=curator, json={
        "title": "Overdracht", "description": "Afspreken.",
        "owner": "department:zorg-en-welzijn-wmo"}).get_json()
    tag = client.get("/api/v1/taxonomy/tags", headers=admin).get_json()["items"][0]
    goal = client.get("/api/v1/taxonomy", headers=admin).get_json()["goals"][0]
    return {"experience": shared.id, "comment": comment["id"], "bundle": bundle["id"],
            "item": item["id"], "tag": tag["id"], "goal": goal["slug"], "user": make_user().id}


@pytest.mark.parametrize("method, path", [
    ("put", "/api/v1/experiences/{experience}"),
    ("put", "/api/v1/experiences/{experience}/highlight"),
    ("put", "/api/v1/experiences/{experience}/hidden"),
    ("put", "/api/v1/comments/{comment}"),
    ("put", "/api/v1/comments/{comment}/hidden"),
    ("post", "/api/v1/bundles"),
    ("put", "/api/v1/bundles/{bundle}"),
    ("post", "/api/v1/bundles/{bundle}/items"),
    ("put", "/api/v1/agenda/{item}"),
    ("post", "/api/v1/users"),
    ("put", "/api/v1/users/{user}"),
    ("put", "/api/v1/taxonomy/tags/{tag}"),
    ("post", "/api/v1/taxonomy/tags/{tag}/merge"),
    ("post", "/api/v1/taxonomy/goals"),
    ("put", "/api/v1/taxonomy/goals/{goal}"),
])
@pytest.mark.parametrize("body", [{}, {"title": 5, "name": [], "reason": None}])
def test_who_may_not_act_gets_403_whatever_the_body(client, api_user, kept, method, path,
                                                    body):
    _, headers = api_user()  # a medewerker, in another department than the agenda item
    response = client.open(path.format(**kept), method=method, json=body, headers=headers)
    assert response.status_code == 403, response.get_json()


def test_what_you_may_not_see_is_404_whatever_the_body(client, api_user, make_user,
                                                       make_experience, kept):
    internal = make_experience(make_user(), visibility="intern")
    _, partner = api_user("partner")
    for path in (f"/api/v1/experiences/{internal.id}/comments",
                 f"/api/v1/agenda/{kept['item']}/updates"):
        assert client.post(path, json={}, headers=partner).status_code == 404, path
