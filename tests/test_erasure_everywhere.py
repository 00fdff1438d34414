"""Erasing a user who took part in everything (comments, herkenbaar, bundles, the agenda,
revisions, the bin, the resident-data check): their name and e-mail address appear nowhere
afterwards, what stays is by "oud-medewerker", counts stay right and nothing fails, with and
without deleting their experiences."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from rugzak.admin.models import PasswordLink
from rugzak.agenda.models import AgendaChange
from rugzak.auth.models import User
from rugzak.comments.models import Comment
from rugzak.experiences.models import Experience
from rugzak.extensions import db
from rugzak.home.models import HomeVisit
from rugzak.privacy.models import PrivacyFinding
from rugzak.recognition.models import Recognition
from rugzak.revisions.models import ExperienceRevision

from .busy_person import EMAIL, World, build_world, new_agenda_item

ERASED = "oud-medewerker"


@pytest.fixture
def world(app, make_user, make_experience) -> World:
    return build_world(app, make_user, make_experience)


def erase(app, world: World, delete_experiences: bool):
    """Erase the person as the beheerder; returns the beheerder's client."""
    client = app.test_client()
    client.login(world.admin.email)
    url = f"/beheer/gebruikers/{world.person.id}/wissen"
    data = {"understood": "y", **({"delete_experiences": "y"} if delete_experiences else {})}
    response = client.submit(url, data, page=url)
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    return client


def signed_in(app, ref):
    client = app.test_client()
    client.login(ref.email)
    return client


def count(app, model, *where) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model).where(*where))


def recognitions(app, experience_id: int) -> tuple[int, int]:
    """The count kept on the experience, and the rows behind it."""
    with app.app_context():
        kept = db.session.get(Experience, experience_id).recognition_count
    return kept, count(app, Recognition, Recognition.experience_id == experience_id)


def pages(world: World) -> list[str]:
    own, theirs, item, person = world.own.id, world.theirs.id, world.owned_item, world.person.id
    return [
        "/", "/ervaringen", f"/ervaringen/{own}", f"/ervaringen/{theirs}",
        f"/ervaringen/{world.checked}", f"/ervaringen/{own}/geschiedenis",
        f"/ervaringen/{own}/geschiedenis/vergelijken?van=1&naar=2",
        f"/ervaringen/{theirs}/geschiedenis", "/bundels", f"/bundels/{world.bundle_id}",
        "/agenda", f"/agenda/{item}", f"/agenda/{item}/bewerken", f"/agenda/{world.handed_item}",
        f"/agenda?owner=user:{person}", "/prullenbak", "/privacy-meldingen", "/inzicht",
        "/zoeken?q=overdracht", "/zoeken?q=schuldhulp", "/zoeken/export.csv?q=overdracht",
        "/verslag/zoekopdracht?q=overdracht", "/beheer/audit",
        "/beheer/audit?person=oud-medewerker", "/beheer/gebruikers", f"/beheer/gebruikers/{person}",
        "/api/v1/experiences", f"/api/v1/experiences/{own}", f"/api/v1/experiences/{theirs}",
        f"/api/v1/experiences/{theirs}/comments", f"/api/v1/experiences/{own}/comments",
        f"/api/v1/experiences/{theirs}/recognition", "/api/v1/search?q=overdracht",
        "/api/v1/bundles", f"/api/v1/bundles/{world.bundle_id}", "/api/v1/agenda",
        f"/api/v1/agenda/{item}", f"/api/v1/agenda/{world.handed_item}", "/api/v1/users",
        f"/api/v1/users/{person}", "/api/v1/insight",
    ]


def status_after_erasure(world: World, viewer, path: str, delete_experiences: bool) -> int:
    """What `viewer` (admin, colleague or curator) gets on a page of pages(world)."""
    own, person = world.own.id, world.person.id
    history = {f"/ervaringen/{own}/geschiedenis",
               f"/ervaringen/{own}/geschiedenis/vergelijken?van=1&naar=2"}
    deleted = {f"/ervaringen/{own}", f"/ervaringen/{world.checked}", *history,
               f"/api/v1/experiences/{own}", f"/api/v1/experiences/{own}/comments"}
    for_the_beheerder = {"/beheer/audit", "/beheer/audit?person=oud-medewerker",
                         "/beheer/gebruikers", f"/beheer/gebruikers/{person}", "/api/v1/users",
                         f"/api/v1/users/{person}"}
    # curators' pages, and an item that went to the person's department, not the colleague's
    not_for_the_colleague = {*history, "/prullenbak", "/privacy-meldingen",
                             f"/agenda/{world.owned_item}/bewerken"}
    if delete_experiences and path in deleted:
        return 404
    if (path in for_the_beheerder and viewer is not world.admin
            or path in not_for_the_colleague and viewer is world.colleague):
        return 403
    return 200


def unanswered_searches(client) -> list[str]:
    """The search log as the core team sees it: what found nothing, lower-cased."""
    figure = client.get("/api/v1/insight/zoekvragen-zonder-resultaat").json
    return sorted(query for query, _count, _last in figure["rows"])


@pytest.mark.parametrize("delete_experiences", [False, True], ids=["kept", "deleted"])
def test_the_name_and_address_appear_nowhere(app, world, delete_experiences):
    colleague, curator = signed_in(app, world.colleague), signed_in(app, world.curator)
    for query in ("lessen van Oosterhout", EMAIL, "mantelzorg"):  # the index holds no names
        assert colleague.get("/api/v1/search", query_string={"q": query}).json["total"] == 0
    assert unanswered_searches(curator) == ["lessen van oosterhout", "mantelzorg", EMAIL]
    erase(app, world, delete_experiences)
    assert unanswered_searches(curator) == ["mantelzorg"]  # the searches naming them went
    for viewer in (world.admin, world.colleague, world.curator):
        client = signed_in(app, viewer)
        for path in pages(world):
            response = client.get(path)
            assert response.status_code == status_after_erasure(
                world, viewer, path, delete_experiences), (viewer.role, path)
            body = response.get_data(as_text=True)
            assert "Oosterhout" not in body and EMAIL not in body, (viewer.role, path)


def test_what_stays_is_by_oud_medewerker_and_counts_stay(app, world):
    admin = erase(app, world, delete_experiences=False)
    own, theirs = world.own.id, world.theirs.id
    comments = admin.get(f"/api/v1/experiences/{theirs}/comments").json["items"]
    assert [(c["author"]["name"], c["body"]) for c in comments] == [
        (ERASED, "Herkenbaar, bij ons ook.")]
    assert [c["author"]["name"] for c in admin.get(
        f"/api/v1/experiences/{own}/comments").json["items"]] == ["Cor Collega"]
    for number in (own, theirs):  # the person's recognition still counts, and the colleague's
        assert admin.get(f"/api/v1/experiences/{number}/recognition").json["count"] == 1
        assert recognitions(app, number) == (1, 1)
    history = admin.get(f"/ervaringen/{own}/geschiedenis").get_data(as_text=True)
    assert history.count(f"<td>{ERASED}</td>") == 2  # both versions, saved by the person
    assert [i["experience_id"] for i in admin.get(
        f"/api/v1/bundles/{world.bundle_id}").json["items"]] == [own, theirs]
    assert f"{ERASED} vond herkenbaar:" in signed_in(app, world.colleague).get(
        "/").get_data(as_text=True)
    assert f"<td>{ERASED}</td>" in admin.get("/prullenbak").get_data(as_text=True)
    assert f"door {ERASED}" in admin.get("/privacy-meldingen").get_data(as_text=True)
    with app.app_context():
        user = db.session.get(User, world.person.id)
        assert user.locale is None
        assert db.session.get(HomeVisit, world.person.id) is None
        assert db.session.get(Comment, world.deleted_comment) is None  # gone for good
        assert db.session.scalar(select(Experience.deleted_by_id).where(
            Experience.id == world.binned.id)) == world.person.id
    # count() opens its own app context: not inside another one that may hold the write lock
    assert count(app, PasswordLink, PasswordLink.user_id == world.person.id) == 0
    assert count(app, PrivacyFinding, PrivacyFinding.confirmed_by_id == world.person.id) == 1


def test_agenda_items_go_to_the_persons_department_with_a_line_in_their_history(app, world):
    admin = erase(app, world, delete_experiences=False)
    item = admin.get(f"/api/v1/agenda/{world.owned_item}").json
    assert item["owner"] == {"key": "department:werk-en-inkomen", "name": "Werk en Inkomen"}
    assert item["experience_ids"] == [world.own.id, world.theirs.id]
    assert [u["author"] for u in item["updates"]] == [ERASED]
    newest = item["history"][0]
    assert (newest["changed_by"], newest["field"], newest["old_value"],
            newest["new_value"]) == (world.admin.name, "owner", ERASED, "Werk en Inkomen")
    assert {c["changed_by"] for c in item["history"][1:]} == {ERASED}
    handed = admin.get(f"/api/v1/agenda/{world.handed_item}").json
    assert handed["owner"]["name"] == "Jeugd en Onderwijs"  # as the colleague left it
    assert [(c["old_value"], c["new_value"]) for c in handed["history"]
            if c["field"] == "owner"] == [(ERASED, "Jeugd en Onderwijs")]
    page = admin.get("/agenda?owner=department:werk-en-inkomen").get_data(as_text=True)
    assert "Vaste overdrachtsafspraken" in page


def test_deleting_the_experiences_takes_what_hangs_on_them(app, world):
    admin = erase(app, world, delete_experiences=True)
    own, theirs = world.own.id, world.theirs.id
    for number in (own, world.checked):
        assert admin.get(f"/ervaringen/{number}").status_code == 404
        assert admin.get(f"/api/v1/experiences/{number}").status_code == 404
        assert count(app, ExperienceRevision, ExperienceRevision.experience_id == number) == 0
    assert count(app, Comment, Comment.experience_id == own) == 0
    assert count(app, PrivacyFinding) == 0
    assert admin.get("/api/v1/search?q=overdracht").json["total"] == 0
    # what the person gave to others stays: their comment and recognition on `theirs`
    assert [c["author"]["name"] for c in admin.get(
        f"/api/v1/experiences/{theirs}/comments").json["items"]] == [ERASED]
    assert recognitions(app, theirs) == (1, 1)
    assert [i["experience_id"] for i in admin.get(
        f"/api/v1/bundles/{world.bundle_id}").json["items"]] == [theirs]
    assert admin.get(f"/api/v1/agenda/{world.owned_item}").json["experience_ids"] == [theirs]
    assert admin.get(f"/api/v1/agenda/{world.handed_item}").json["experience_ids"] == []
    assert "Verouderde werkwijze" in admin.get("/prullenbak").get_data(as_text=True)


def test_an_item_of_someone_without_organisation_stays_with_oud_medewerker(app, client,
                                                                            make_user):
    person = make_user("beheerder", name="Bo Zonder-Afdeling", department=None)
    client.login(person.email)
    item = new_agenda_item(client, f"user:{person.id}")
    client.logout()
    runner = app.test_cli_runner()  # on the command line: no one to name as the actor
    assert runner.invoke(args=["users", "erase", person.email, "--yes"]).exit_code == 0
    client.login(make_user("kernteam").email)
    page = client.get(f"/agenda/{item}")
    assert page.status_code == 200 and "Zonder-Afdeling" not in page.get_data(as_text=True)
    assert client.get(f"/api/v1/agenda/{item}").json["owner"] == {
        "key": f"user:{person.id}", "name": ERASED}
    assert client.get(f"/agenda/{item}/bewerken").status_code == 200
    assert count(app, AgendaChange, AgendaChange.item_id == item) == 1  # only "created"


def test_a_partners_item_goes_to_their_organisation(app, client, make_user):
    person = make_user("partner", name="Pien Partner-Oosterhout", partner="uwv")
    client.login(make_user("kernteam").email)
    item = new_agenda_item(client, f"user:{person.id}", shared_with_partners="y")
    assert app.test_cli_runner().invoke(
        args=["users", "erase", person.email, "--yes"]).exit_code == 0
    answer = client.get(f"/api/v1/agenda/{item}").json
    assert answer["owner"] == {"key": "partner:uwv", "name": "UWV"}
    assert (answer["history"][0]["changed_by"], answer["history"][0]["old_value"]) == (
        None, ERASED)
    assert "Oosterhout" not in client.get(f"/agenda/{item}").get_data(as_text=True)
