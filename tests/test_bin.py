"""The bin: deleted experiences vanish for everyone, everywhere, and come back from /prullenbak."""
from __future__ import annotations

from sqlalchemy import func, select
from whoosh.query import Every

from rugzak.audit.models import AuditEvent
from rugzak.auth.models import User
from rugzak.experiences.models import Experience
from rugzak.experiences.queries import visible_experiences
from rugzak.extensions import db
from rugzak.revisions.models import ExperienceRevision
from rugzak.search.query import visibility_filter
from rugzak.search.service import search_service


def delete(client, experience_id: int):
    page = f"/ervaringen/{experience_id}/verwijderen"
    return client.submit(page, page=page)


def found(client, query: str) -> list[str]:
    return [hit["title"] for hit in client.get(f"/api/v1/search?q={query}").get_json()["results"]]


def actions(app) -> list[tuple]:
    with app.app_context():
        return [(e.action, e.actor_id, e.object_id) for e in db.session.scalars(
            select(AuditEvent).where(AuditEvent.action.like("experience_%")))]


def test_deleted_experience_vanishes_everywhere_and_stays_in_the_database(
        app, client, make_user, make_experience):
    author = make_user()
    gone = make_experience(author, title="Weggooien", situation="budgetcoach schuldhulp")
    kept = make_experience(author, title="Blijft staan", situation="budgetcoach schuldhulp")
    draft = make_experience(author, title="Weg concept", status="concept")
    client.login(author.email)
    assert "Weggooien" in found(client, "budgetcoach")
    confirm = client.get(f"/ervaringen/{gone.id}/verwijderen").get_data(as_text=True)
    assert "prullenbak" in confirm
    assert delete(client, gone.id).status_code == 302
    assert delete(client, draft.id).status_code == 302
    assert found(client, "budgetcoach") == ["Blijft staan"]
    for url in ("/ervaringen", "/mijn-ervaringen", "/", "/zoeken?q=budgetcoach",
                f"/ervaringen/{kept.id}"):
        html = client.get(url).get_data(as_text=True)
        before, _, after = html.partition('aria-labelledby="verwijderd-kop"')
        html = before + after.partition("</section>")[2]  # but for the author's own undo
        assert "Weggooien" not in html and "Weg concept" not in html, url
    for url in (f"/ervaringen/{gone.id}", f"/ervaringen/{gone.id}/bewerken",
                f"/ervaringen/{gone.id}/geschiedenis", f"/api/v1/experiences/{gone.id}"):
        assert client.get(url).status_code == 404, url
    listing = client.get("/api/v1/experiences").get_json()
    assert [item["title"] for item in listing["items"]] == ["Blijft staan"]
    curator = make_user("kernteam")
    client.logout()
    client.login(curator.email)
    assert client.get(f"/ervaringen/{gone.id}").status_code == 404
    assert found(client, "budgetcoach") == ["Blijft staan"]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Experience)) == 3
        assert db.session.scalar(select(func.count()).select_from(ExperienceRevision)) == 3
        row = db.session.get(Experience, gone.id)
        assert row.deleted_by_id == author.id and row.deleted_at is not None
    assert actions(app) == [("experience_deleted", author.id, gone.id),
                            ("experience_deleted", author.id, draft.id)]


def test_who_may_delete(app, client, make_user, make_experience):
    author = make_user()
    internal = make_experience(author, visibility="intern")
    expected = {"medewerker": 403, "partner": 404, "kernteam": 302}
    for role, status in expected.items():
        user = make_user(role)
        client.login(user.email)
        page = client.get(f"/ervaringen/{internal.id}").get_data(as_text=True)
        assert (f"/ervaringen/{internal.id}/verwijderen" in page) == (status == 302), role
        assert delete(client, internal.id).status_code == status, role
        client.logout()


def test_delete_and_restore_need_a_csrf_token(app, client, make_user, make_experience):
    author = make_user()
    experience = make_experience(author)
    client.login(author.email)
    assert client.post(f"/ervaringen/{experience.id}/verwijderen").status_code == 400
    assert client.get(f"/ervaringen/{experience.id}").status_code == 200
    delete(client, experience.id)
    client.logout()
    client.login(make_user("kernteam").email)
    assert client.post(f"/prullenbak/{experience.id}/terugzetten").status_code == 400
    assert client.get(f"/ervaringen/{experience.id}").status_code == 404


def test_kernteam_restores_from_the_bin_and_search_finds_it_again(app, client, make_user,
                                                                   make_experience):
    author = make_user()
    experience = make_experience(author, title="Terug van weggeweest", anonymous=True)
    client.login(author.email)
    delete(client, experience.id)
    assert found(client, "weggeweest") == []
    assert client.get("/prullenbak").status_code == 403
    client.logout()
    for role in ("medewerker", "partner"):
        client.login(make_user(role).email)
        assert client.get("/prullenbak").status_code == 403
        assert client.submit(f"/prullenbak/{experience.id}/terugzetten", page="/").status_code \
            == 403
        client.logout()
    curator = make_user("kernteam")
    client.login(curator.email)
    assert 'href="/prullenbak"' in client.get("/beheer").get_data(as_text=True)
    bin_page = client.get("/prullenbak").get_data(as_text=True)
    assert "Terug van weggeweest" in bin_page and "de auteur" in bin_page
    assert author.name not in bin_page  # anonymous stays anonymous
    response = client.submit(f"/prullenbak/{experience.id}/terugzetten", page="/prullenbak")
    assert response.status_code == 302
    assert client.get(f"/ervaringen/{experience.id}").status_code == 200
    assert found(client, "weggeweest") == ["Terug van weggeweest"]
    assert "De prullenbak is leeg." in client.get("/prullenbak").get_data(as_text=True)
    assert client.submit(f"/prullenbak/{experience.id}/terugzetten",
                         page="/prullenbak").status_code == 404  # not in the bin (any more)
    client.logout()
    client.login(make_user("beheerder").email)
    assert client.get("/prullenbak").status_code == 200
    assert actions(app)[-1] == ("experience_undeleted", curator.id, experience.id)


def test_api_delete(app, client, make_user, make_experience):
    author = make_user()
    experience = make_experience(author, title="Via de API weg")
    other = make_user()
    client.login(other.email)
    token = client.csrf_token()
    assert client.delete(f"/api/v1/experiences/{experience.id}",
                         headers={"X-CSRFToken": token}).status_code == 403
    client.logout()
    client.login(author.email)
    token = client.csrf_token()
    assert client.delete(f"/api/v1/experiences/{experience.id}").status_code == 400  # no CSRF
    assert client.delete(f"/api/v1/experiences/{experience.id}",
                         headers={"X-CSRFToken": token}).status_code == 204
    assert client.get(f"/api/v1/experiences/{experience.id}").status_code == 404
    spec = client.get("/api/v1/openapi.json").get_json()
    assert {"get", "put", "delete"} <= set(spec["paths"]["/api/v1/experiences/{experience_id}"])


def test_index_filter_equals_the_database_rule_with_deleted_experiences(
        app, client, runner, make_user, make_experience):
    writer, partner_writer = make_user(), make_user("partner")
    made = [make_experience(writer, visibility=visibility, status=status)
            for visibility in ("intern", "met_partners") for status in ("concept", "gepubliceerd")]
    made += [make_experience(partner_writer, status="concept"), make_experience(partner_writer)]
    client.login(writer.email)
    for experience in (made[0], made[2]):
        assert delete(client, experience.id).status_code == 302
    client.logout()
    client.login(partner_writer.email)
    assert delete(client, made[-1].id).status_code == 302
    client.get("/zoeken")  # waits for the indexer
    users = [make_user(role) for role in ("medewerker", "partner", "kernteam", "beheerder")]
    with app.app_context():
        searcher = search_service().searcher()
        for ref in [*users, writer, partner_writer]:
            user = db.session.get(User, ref.id)
            in_sql = {e.id for e in db.session.scalars(visible_experiences(user))}
            in_index = {int(hit["id"]) for hit in searcher.search(
                Every(), filter=visibility_filter(user), limit=None)}
            assert in_sql == in_index, user.role
        assert {int(hit["id"]) for hit in searcher.search(Every(), limit=None)
                if hit["id"].isdigit()} == {made[i].id for i in (1, 3, 4)}
    status = runner.invoke(args=["search", "status"])
    assert status.exit_code == 0, status.output
    rebuilt = runner.invoke(args=["search", "rebuild"])
    assert "3 ervaringen" in rebuilt.output
