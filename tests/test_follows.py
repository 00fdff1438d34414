"""Follow and notifications through HTTP: follow, event, notification shown and counted,
what the reader may not see stays out, the API with bad input, data download and retention."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from rugzak.extensions import db
from rugzak.notifications.models import Notification
from rugzak.privacy.retention import apply_retention
from rugzak.timeutil import utcnow

from .test_experiences import FULL_FORM, experience_id


@pytest.fixture(autouse=True)
def wijkteam_tag(make_user, make_experience):
    """The tags followed here exist: someone used them before."""
    make_experience(make_user(), title="Eerste over het wijkteam", tags=["wijkteam", "regie"])


def follow(client, kind: str, target, page: str = "/meldingen/volgen"):
    return client.submit("/meldingen/volgen", {"kind": kind, "target": str(target),
                                               "next": page}, page=page)


def header_count(client) -> int:
    match = re.search(r'Meldingen <span class="count">\((\d+)',
                      client.get("/meldingen/volgen").get_data(as_text=True))
    return int(match.group(1)) if match else 0


def notifications_page(client) -> str:
    return client.get("/meldingen").get_data(as_text=True)


def as_user(client, user):
    client.logout()
    client.login(user.email)


def test_follow_a_tag_then_a_colleague_publishes_and_it_is_shown_and_counted(
        client, make_user, logged_in):
    reader = logged_in()
    response = follow(client, "tag", "#Wijkteam", page="/ervaringen")
    assert response.status_code == 302 and response.headers["Location"] == "/ervaringen"
    assert "wijkteam" in client.get("/meldingen/volgen").get_data(as_text=True)
    assert header_count(client) == 0
    as_user(client, make_user(name="Noor Bos"))
    published = client.submit("/ervaringen/nieuw", {**FULL_FORM, "tags": "wijkteam, regie"})
    new_id = experience_id(published)
    client.submit("/ervaringen/nieuw", {**FULL_FORM, "title": "Over iets anders",
                                        "tags": "schulden"})
    as_user(client, reader)
    assert header_count(client) == 1
    page = notifications_page(client)
    assert f'href="/ervaringen/{new_id}"' in page and "Nieuwe ervaring: Eén plan" in page
    assert "Over iets anders" not in page and "notification--unread" in page
    read = client.submit("/meldingen/gelezen", page="/meldingen")
    assert read.status_code == 302
    assert header_count(client) == 0 and "notification--unread" not in notifications_page(client)


def test_the_author_and_the_actor_are_not_notified_of_their_own_doing(client, logged_in):
    logged_in()
    follow(client, "tag", "wijkteam")
    client.submit("/ervaringen/nieuw", {**FULL_FORM, "tags": "wijkteam"})
    assert header_count(client) == 0


def test_a_partner_following_a_tag_hears_nothing_of_an_intern_experience(
        client, make_user, make_experience, logged_in):
    partner = logged_in("partner")
    follow(client, "tag", "wijkteam")
    author = make_user()
    make_experience(author, title="Alleen intern", tags=["wijkteam"], visibility="intern")
    shared = make_experience(author, title="Met partners", tags=["wijkteam"],
                             visibility="met_partners")
    page = notifications_page(client)
    assert "Met partners" in page and "Alleen intern" not in page
    assert header_count(client) == 1
    with client.application.app_context():  # nothing is even kept for the partner
        kept = db.session.scalars(select(Notification.experience_id)
                                  .where(Notification.user_id == partner.id)).all()
    assert kept == [shared.id]


def test_what_the_reader_may_no_longer_see_disappears_and_is_not_counted(
        client, make_user, make_experience, logged_in):
    author = make_user()
    reader = logged_in()
    follow(client, "tag", "wijkteam")
    binned = make_experience(author, title="Later weggegooid", tags=["wijkteam"])
    make_experience(author, title="Blijft staan", tags=["wijkteam"])
    assert header_count(client) == 2
    as_user(client, author)
    page = f"/ervaringen/{binned.id}/verwijderen"
    assert client.submit(page, page=page).status_code == 302
    as_user(client, reader)
    assert header_count(client) == 1
    shown = notifications_page(client)
    assert "Blijft staan" in shown and "Later weggegooid" not in shown


@pytest.mark.parametrize("kind, target", [
    ("condition", "{condition}"), ("condition", "{condition}:ontbrak"), ("goal", "{goal}"),
    ("department", "jeugd-en-onderwijs"), ("partner", "uwv"), ("author", "{author}"),
    ("search", "q=regisseur&department=jeugd-en-onderwijs"), ("search", "regisseur")])
def test_every_kind_of_follow_matches_a_new_experience(client, make_user, make_experience,
                                                       logged_in, kind, target):
    author = make_user(name="Sam Schrijver")
    make_experience(author, title="Eerst een andere")  # so that the author may be followed
    values = _taxonomy(client.application)
    logged_in()
    assert follow(client, kind, target.format(author=author.id, **values)).status_code == 302
    make_experience(author, title="Niet dit", conditions={values["condition"]: "hielp"},
                    tags=["iets"])
    make_experience(author, title="Precies dit", departments=["jeugd-en-onderwijs"],
                    partners=["uwv"], goals=[values["goal"]],
                    conditions={values["condition"]: "ontbrak"},
                    situation="Eén regisseur voor het gezin.")
    page = notifications_page(client)
    assert "Precies dit" in page
    expected = 2 if kind in ("author",) or target == "{condition}" else 1
    assert header_count(client) == expected


def _taxonomy(app) -> dict:
    from rugzak.taxonomy.models import Condition, Goal
    with app.app_context():
        return {"condition": db.session.scalars(select(Condition.slug)).first(),
                "goal": db.session.scalars(select(Goal.slug)).first()}


def test_comments_highlights_recognition_and_agenda_items_reach_author_and_followers(
        client, make_user, make_experience, logged_in):
    author = make_user(name="Ada Auteur")
    experience = make_experience(author, title="Gevolgde les", visibility="met_partners")
    follower = logged_in()
    page = f"/ervaringen/{experience.id}"
    assert "Volg deze ervaring" in client.get(page).get_data(as_text=True)
    follow(client, "experience", experience.id, page=page)
    assert "Niet meer volgen: deze ervaring" in client.get(page).get_data(as_text=True)
    commenter = make_user(name="Cas Commentaar")
    as_user(client, commenter)
    client.submit(f"{page}/reacties", {"body": "Herkenbaar!"}, page=page)
    client.submit(f"{page}/herkenbaar", page=page)
    as_user(client, make_user("kernteam"))
    client.submit(f"{page}/uitlichten", {"note": "Mooi voorbeeld"}, page=f"{page}/uitlichten")
    client.submit("/agenda/nieuw", {"title": "Vaste overdracht", "description": "Samen.",
                                    "owner": f"user:{author.id}", "status": "idee",
                                    "target_date": "", "experience_ids": str(experience.id)})
    as_user(client, author)
    shown = notifications_page(client)
    for text in ("Cas Commentaar reageerde op „Gevolgde les”",
                 "Iemand vond je ervaring „Gevolgde les” herkenbaar",
                 "Het kernteam lichtte „Gevolgde les” uit",
                 "Agendapunt „Vaste overdracht” is gemaakt met „Gevolgde les”"):
        assert text in shown
    assert header_count(client) == 4
    as_user(client, follower)
    shown = notifications_page(client)
    assert "reageerde op" in shown and "herkenbaar" not in shown  # recognition: the author's
    assert header_count(client) == 3
    as_user(client, commenter)
    assert "reageerde op" not in notifications_page(client)


def test_a_hidden_comment_is_not_shown_to_the_follower(client, make_user, make_experience,
                                                       logged_in):
    experience = make_experience(make_user(), title="Gevolgde les")
    follower = logged_in()
    follow(client, "experience", experience.id)
    as_user(client, make_user(name="Cas Commentaar"))
    page = f"/ervaringen/{experience.id}"
    client.submit(f"{page}/reacties", {"body": "Niet netjes"}, page=page)
    assert header_count_of(client, follower) == 1
    with client.application.app_context():
        comment_id = db.session.scalar(select(Notification.comment_id))
    as_user(client, make_user("kernteam"))
    hide = f"/reacties/{comment_id}/verbergen"
    assert client.submit(hide, {"reason": "Toon"}, page=hide).status_code == 302
    assert header_count_of(client, follower) == 0


def header_count_of(client, user) -> int:
    as_user(client, user)
    return header_count(client)


def test_unfollow_and_the_list_of_what_i_follow(client, make_user, make_experience, logged_in):
    logged_in()
    follow(client, "tag", "wijkteam")
    listing = client.get("/meldingen/volgen").get_data(as_text=True)
    follow_id = re.search(r'/meldingen/volgen/(\d+)/stoppen', listing).group(1)
    assert client.submit(f"/meldingen/volgen/{follow_id}/stoppen",
                         page="/meldingen/volgen").status_code == 302
    assert "Je volgt nog niets." in client.get("/meldingen/volgen").get_data(as_text=True)
    make_experience(make_user(), tags=["wijkteam"])
    assert header_count(client) == 0


def test_bad_follows_are_refused_in_dutch(client, make_user, make_experience, logged_in):
    logged_in("partner")
    intern = make_experience(make_user(), visibility="intern")
    for kind, target in (("tag", "bestaat-niet"), ("planeet", "mars"), ("condition", "x:y"),
                         ("experience", intern.id), ("search", "q=%22open")):
        response = follow(client, kind, target)
        assert response.status_code == 422
        text = response.get_data(as_text=True)
        assert "Dit kun je niet volgen" in text or "Kies wat je wilt volgen" in text \
            or "aanhalingsteken" in text
    assert client.post("/meldingen/volgen", data={"kind": "tag", "target": "x"}).status_code \
        == 400  # no CSRF token


def test_someone_elses_follow_cannot_be_removed(client, make_user, logged_in):
    logged_in()
    follow(client, "tag", "wijkteam")
    listing = client.get("/meldingen/volgen").get_data(as_text=True)
    follow_id = re.search(r'/meldingen/volgen/(\d+)/stoppen', listing).group(1)
    as_user(client, make_user())
    assert client.submit(f"/meldingen/volgen/{follow_id}/stoppen", page="/").status_code == 404


def test_follow_buttons_on_search_list_and_bundle_pages(client, make_user, make_experience,
                                                        logged_in):
    logged_in()
    search = client.get("/zoeken?q=regie&sort=nieuwste").get_data(as_text=True)
    assert "Volg deze zoekopdracht" in search and 'name="target" value="q=regie"' in search
    listing = client.get("/ervaringen?department=jeugd-en-onderwijs").get_data(as_text=True)
    assert 'value="jeugd-en-onderwijs"' in listing and "Volg afdeling" in listing
    follow(client, "search", "q=regie", page="/zoeken?q=regie")
    assert "Niet meer volgen: deze zoekopdracht" in client.get("/zoeken?q=regie").get_data(
        as_text=True)


# -- API ------------------------------------------------------------------------------------

def test_api_follow_list_duplicate_and_delete(client, api_user, make_user, make_experience):
    user, headers = api_user()
    created = client.post("/api/v1/follows", json={"kind": "tag", "target": "Wijkteam"},
                          headers=headers)
    assert created.status_code == 201, created.json
    again = client.post("/api/v1/follows", json={"kind": "tag", "target": "wijkteam"},
                        headers=headers)
    assert again.json["id"] == created.json["id"] and again.json["target"] == "wijkteam"
    listed = client.get("/api/v1/follows", headers=headers).json["items"]
    assert [(f["kind"], f["name"]) for f in listed] == [("tag", "wijkteam")]
    assert client.delete(f"/api/v1/follows/{created.json['id']}",
                         headers=headers).status_code == 204
    assert client.get("/api/v1/follows", headers=headers).json["items"] == []
    assert client.delete(f"/api/v1/follows/{created.json['id']}",
                         headers=headers).status_code == 404


@pytest.mark.parametrize("payload, field, message", [
    ({"kind": "planeet", "target": "mars"}, "kind", "Kies wat je wilt volgen"),
    ({"kind": "tag", "target": "bestaat-niet"}, "target", "Dit kun je niet volgen"),
    ({"kind": "condition", "target": "samenwerking:misschien"}, "target", "Dit kun je niet"),
    ({"kind": "experience", "target": "99999"}, "target", "Dit kun je niet volgen"),
    ({"kind": "search", "target": ""}, "target", "Zeg wat je wilt volgen"),
    ({"kind": "search", "target": "sort=nieuwste"}, "target", "zoekwoorden of filters"),
    ({"kind": "search", "target": "q=(open"}, "target", "haakjes"),
    ({"kind": "tag"}, "target", ""),
])
def test_api_refuses_bad_follows_in_dutch(client, api_user, payload, field, message):
    _, headers = api_user()
    response = client.post("/api/v1/follows", json=payload, headers=headers)
    assert response.status_code == 422
    assert field in response.json["fields"] and message in response.json["fields"][field]


def test_api_notifications_unread_filter_and_read(client, api_user, make_user,
                                                  make_experience):
    user, headers = api_user("partner")
    client.post("/api/v1/follows", json={"kind": "tag", "target": "wijkteam"}, headers=headers)
    author = make_user()
    make_experience(author, title="Intern", tags=["wijkteam"], visibility="intern")
    first = make_experience(author, title="Eerste", tags=["wijkteam"],
                            visibility="met_partners")
    make_experience(author, title="Tweede", tags=["wijkteam"], visibility="met_partners")
    answer = client.get("/api/v1/notifications", headers=headers).json
    assert answer["total"] == 2 and answer["unread"] == 2
    assert [item["text"] for item in answer["items"]] == ["Nieuwe ervaring: Tweede",
                                                          "Nieuwe ervaring: Eerste"]
    oldest = answer["items"][1]
    assert oldest["experience_id"] == first.id and oldest["url"] == f"/ervaringen/{first.id}"
    marked = client.post("/api/v1/notifications/read", json={"ids": [oldest["id"]]},
                         headers=headers).json
    assert marked == {"marked": 1, "unread": 1}
    unread = client.get("/api/v1/notifications?unread=true", headers=headers).json
    assert [item["text"] for item in unread["items"]] == ["Nieuwe ervaring: Tweede"]
    assert client.post("/api/v1/notifications/read", json={"all": True},
                       headers=headers).json == {"marked": 1, "unread": 0}
    for bad in ({}, {"all": True, "ids": [1]}, {"ids": ["een"]}, {"ids": [0]}, {"ids": []},
                {"ids": list(range(1, 102))}):
        refused = client.post("/api/v1/notifications/read", json=bad, headers=headers)
        assert refused.status_code == 422 and refused.json["fields"], bad
    assert client.get("/api/v1/notifications?per_page=500", headers=headers).status_code == 422


def test_api_is_documented(client, api_user):
    _, headers = api_user()
    paths = client.get("/api/v1/openapi.json", headers=headers).json["paths"]
    assert {"/api/v1/notifications", "/api/v1/notifications/read", "/api/v1/follows",
            "/api/v1/follows/{follow_id}"} <= set(paths)


# -- personal data and retention ------------------------------------------------------------

def test_follows_and_notifications_are_in_the_download_and_erased(
        app, client, make_user, make_experience, logged_in):
    me = logged_in()
    follow(client, "tag", "wijkteam")
    make_experience(make_user(), tags=["wijkteam"])
    data = client.get("/account/gegevens").get_json()
    assert [f["target"] for f in data["follows"]] == ["wijkteam"]
    assert [n["kind"] for n in data["notifications"]] == ["new_experience"]
    from rugzak.auth.models import User
    from rugzak.follows.models import Follow
    from rugzak.privacy.erasure import erase_user
    with app.app_context():
        erase_user(None, db.session.get(User, me.id), False)
        assert db.session.scalars(select(Follow)).all() == []
        assert db.session.scalars(select(Notification)).all() == []


def test_retention_purges_read_notifications_only(app, client, make_user, make_experience,
                                                  logged_in):
    logged_in()
    follow(client, "tag", "wijkteam")
    for title in ("Oud gelezen", "Oud ongelezen", "Net gelezen"):
        make_experience(make_user(), title=title, tags=["wijkteam"])
    now = utcnow()
    with app.app_context():
        rows = {n.experience.title: n for n in db.session.scalars(select(Notification))}
        rows["Oud gelezen"].read_at = now - timedelta(days=91)
        rows["Oud ongelezen"].created_at = now - timedelta(days=400)
        rows["Net gelezen"].read_at = now - timedelta(days=89)
        db.session.commit()
        assert apply_retention(now).read_notifications == 1
        left = {n.experience.title for n in db.session.scalars(select(Notification))}
    assert left == {"Oud ongelezen", "Net gelezen"}


def test_a_renamed_or_merged_tag_keeps_its_followers(client, make_user, make_experience,
                                                     logged_in):
    from rugzak.taxonomy.models import Tag
    make_experience(make_user(), tags=["buurt team", "buurtnetwerk"])
    follower = logged_in()
    follow(client, "tag", "wijkteam")
    follow(client, "tag", "buurt team")
    follow(client, "tag", "buurtnetwerk")

    def tag_id(name):
        with client.application.app_context():
            return db.session.scalar(select(Tag.id).where(Tag.name == name))

    as_user(client, make_user("kernteam"))
    url = f"/beheer/trefwoorden/{tag_id('wijkteam')}"
    assert client.submit(url, {"name": "Wijknetwerk"}).status_code == 302
    merge = {"source": str(tag_id("buurt team")), "target": str(tag_id("buurtnetwerk")),
             "confirmed": "ja"}
    assert client.submit("/beheer/trefwoorden", merge).status_code == 302
    as_user(client, follower)
    listed = client.get("/meldingen/volgen").get_data(as_text=True)
    assert "wijknetwerk" in listed and "buurt team" not in listed
    assert listed.count(">buurtnetwerk</a>") == 1
    make_experience(make_user(), title="Over het wijknetwerk", tags=["wijknetwerk"])
    assert "Over het wijknetwerk" in notifications_page(client)


def test_following_a_bundle_hears_of_what_is_added(client, make_user, make_experience,
                                                   logged_in):
    from .test_bundles import add, make_bundle
    keeper = logged_in("kernteam")
    shared = make_bundle(client, title="Regie in de wijk", visibility="met_partners")
    internal = make_bundle(client, title="Alleen intern", visibility="intern")
    author = make_user()
    open_one = make_experience(author, title="Voor iedereen", visibility="met_partners")
    closed_one = make_experience(author, title="Binnenshuis", visibility="intern")
    partner = make_user("partner")
    as_user(client, partner)
    page = f"/bundels/{shared}"
    assert "Volg deze bundel" in client.get(page).get_data(as_text=True)
    assert follow(client, "bundle", shared, page=page).status_code == 302
    assert follow(client, "bundle", internal).status_code == 422  # not shared with partners
    as_user(client, keeper)
    for experience in (open_one, closed_one):
        assert add(client, shared, experience.id).status_code == 302
    as_user(client, partner)
    shown = notifications_page(client)
    assert "Nieuw in de bundel „Regie in de wijk”: Voor iedereen" in shown
    assert "Binnenshuis" not in shown and header_count(client) == 1
