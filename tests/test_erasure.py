"""AVG: a beheerder erases a user (route and CLI); the search log is purged after N months."""
from datetime import date

from sqlalchemy import func, select

from rugzak.audit.models import AuditEvent
from rugzak.auth.models import ApiToken, User
from rugzak.extensions import db
from rugzak.privacy.retention import months_before
from rugzak.search.changelog import EXPERIENCE, SearchChange
from rugzak.search.log import SearchLog
from rugzak.security.sessions import UserSession
from rugzak.security.throttle import RateCounter, request_counts

from .conftest import PASSWORD

NAME = "Willemijn Bakker-Oosterhout"


def erase(client, user_id, **data):
    url = f"/beheer/gebruikers/{user_id}/wissen"
    return client.submit(url, {"understood": "y", **data}, page=url)


def test_beheerder_erases_a_user_and_the_name_appears_nowhere(app, client, make_user,
                                                               make_experience):
    person = make_user(name=NAME)
    kept = make_experience(person, title="Warme overdracht met het UWV")
    anonymous = make_experience(person, title="Zonder naam gepubliceerd", anonymous=True)
    victim_client = app.test_client()
    victim_client.login(person.email)
    with app.app_context():
        db.session.add(ApiToken.issue(db.session.get(User, person.id))[0])
        db.session.commit()
        changes_before = db.session.scalar(select(func.max(SearchChange.seq)))
    admin = make_user("beheerder")
    client.login(admin.email)
    page = client.get(f"/beheer/gebruikers/{person.id}/wissen").get_data(as_text=True)
    assert NAME in page and "Gebruiker definitief wissen" in page
    assert "Agendapunten waarvan deze gebruiker eigenaar is, gaan naar de eigen afdeling" in page
    response = erase(client, person.id)
    assert response.status_code == 302
    assert "De gebruiker is gewist. Ervaringen behouden: 2, verwijderd: 0." in client.get(
        "/").get_data(as_text=True)
    # pages, search and API, for the beheerder (who may see anonymous authors) and others
    reader = app.test_client()
    reader.login(make_user().email)
    for viewer in (client, reader):
        for path in (f"/ervaringen/{kept.id}", f"/ervaringen/{anonymous.id}", "/ervaringen",
                     "/zoeken?q=overdracht", f"/api/v1/experiences/{kept.id}",
                     "/api/v1/experiences", "/api/v1/search?q=overdracht"):
            body = viewer.get(path).get_data(as_text=True)
            assert NAME not in body and person.email not in body, path
    assert "oud-medewerker" in client.get(f"/ervaringen/{kept.id}").get_data(as_text=True)
    api = client.get(f"/api/v1/experiences/{kept.id}").json
    assert api["author"]["name"] == "oud-medewerker"
    # signed out, cannot sign in, nothing left that identifies them
    assert victim_client.get("/ervaringen").status_code == 302
    assert client.application.test_client().submit("/inloggen", {
        "email": person.email, "password": PASSWORD}).status_code == 401
    with app.app_context():
        user = db.session.get(User, person.id)
        assert (user.name, user.active, user.password_hash) == ("oud-medewerker", False, None)
        assert user.email == f"gewist-{person.id}@gewist.invalid"
        for model in (ApiToken, UserSession):
            assert db.session.scalar(select(func.count()).select_from(model).where(
                model.user_id == person.id)) == 0
        events = db.session.scalars(select(AuditEvent).where(
            AuditEvent.object_type == "users", AuditEvent.object_id == person.id)).all()
        assert all(e.address is None for e in events if e.action != "user_erased")
        erased = [e for e in events if e.action == "user_erased"]
        assert [(e.actor_id, e.detail) for e in erased] == [
            (admin.id, "ervaringen behouden: 2, verwijderd: 0")]
        changed = set(db.session.scalars(select(SearchChange.entity_id).where(
            SearchChange.seq > changes_before, SearchChange.entity == EXPERIENCE)))
        assert changed == {kept.id, anonymous.id}


def test_erasing_with_the_experiences(app, client, make_user, make_experience):
    person = make_user(name=NAME)
    gone = make_experience(person, title="Schuldhulp en wijkteam samen")
    admin = make_user("beheerder")
    client.login(admin.email)
    assert erase(client, person.id, delete_experiences="y").status_code == 302
    assert client.get(f"/ervaringen/{gone.id}").status_code == 404
    assert client.get("/api/v1/search?q=schuldhulp").json["total"] == 0


def stored_bytes(instance) -> bytes:
    """Every file of the instance: the SQLite database, its WAL and the search index."""
    return b"".join(path.read_bytes() for path in sorted(instance.rglob("*")) if path.is_file())


def test_erasure_leaves_no_bytes_in_the_database_its_wal_or_the_index(app, client, instance,
                                                                      make_user, make_experience,
                                                                      postgres):
    person = make_user(name=NAME, email="w.bakker-oosterhout@gemeente.example")
    make_experience(person, title="Kwartiermakersoverleg in Zuid",
                    lesson="Het kwartiermakersoverleg met Bakker-Oosterhout hielp.")
    reader = app.test_client()
    reader.login(make_user().email)
    assert reader.get("/api/v1/search?q=zuid").json["total"] == 1  # now in the index
    traces = (b"wartiermaker",) if postgres else (  # PostgreSQL keeps its files elsewhere
        NAME.encode(), b"Bakker-Oosterhout", b"w.bakker-oosterhout", b"wartiermaker")
    assert all(trace in stored_bytes(instance) for trace in traces)  # the test can see them
    client.login(make_user("beheerder").email)
    assert erase(client, person.id, delete_experiences="y").status_code == 302
    assert reader.get("/api/v1/search?q=zuid").json["total"] == 0  # the index has caught up
    stored = stored_bytes(instance)
    assert [trace for trace in traces if trace in stored] == []
    if not postgres:
        assert (instance / "rugzak.sqlite-wal").stat().st_size < 100_000  # emptied, then reused


def test_erasing_removes_what_throttling_counted_about_them(app, client, make_user):
    person, bystander = make_user(name=NAME), make_user()
    person_client = app.test_client()
    person_client.login(person.email)
    person_client.get("/api/v1/experiences")  # counted for the request rate
    attempts = app.test_client()
    for email in (person.email, bystander.email):
        attempts.submit("/inloggen", {"email": email, "password": "helemaal verkeerd!"})
    client.login(make_user("beheerder").email)

    def counted() -> tuple[list[str], bool]:
        with app.app_context():
            keys = set(db.session.scalars(select(RateCounter.key)))
            requests = request_counts().count(f"rate:user:{person.id}")
        return (sorted(key for key in keys if key.startswith("login:account:")), requests > 0)

    accounts_before, rate_before = counted()
    assert len(accounts_before) == 2 and rate_before
    assert erase(client, person.id).status_code == 302
    accounts_after, rate_after = counted()
    assert len(accounts_after) == 1 and not rate_after  # the bystander's count stays


def test_searches_naming_them_leave_the_search_log(app, client, make_user):
    person = make_user(name="Willemijn van der Bakker-Oosterhout", email="w_b@gemeente.example")
    with app.app_context():
        for query in ("lessen van Willemijn", "OOSTERHOUT", "bakker-oosterhout wijkteam",
                      "W_B@gemeente.example", "wijkteam", "van der", "wxb@gemeente.example"):
            db.session.add(SearchLog(query=query, hits=0))
        db.session.commit()
    client.login(make_user("beheerder").email)
    assert erase(client, person.id).status_code == 302
    with app.app_context():
        left = sorted(db.session.scalars(select(SearchLog.query)))
    # particles such as "van der" name no one; the _ in their address matches only itself
    assert left == ["van der", "wijkteam", "wxb@gemeente.example"]


def test_the_confirmation_is_required(app, client, make_user):
    person = make_user(name=NAME)
    client.login(make_user("beheerder").email)
    url = f"/beheer/gebruikers/{person.id}/wissen"
    response = client.submit(url, {}, page=url)
    assert response.status_code == 422
    assert "Vink aan dat je begrijpt" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, person.id).name == NAME


def test_only_a_beheerder_erases_and_not_themselves(client, make_user):
    person = make_user()
    for role in ("medewerker", "partner", "kernteam"):
        client.login(make_user(role).email)
        assert client.get(f"/beheer/gebruikers/{person.id}/wissen").status_code == 403
        assert erase(client, person.id).status_code == 403
        client.logout()
    admin = make_user("beheerder")
    client.login(admin.email)
    assert client.get("/beheer/gebruikers/999999/wissen").status_code == 404
    response = erase(client, admin.id)
    assert response.status_code == 422
    assert "Je kunt jezelf niet wissen" in response.get_data(as_text=True)


def test_cli_erase(app, runner, make_user, make_experience):
    person = make_user(name=NAME)
    make_experience(person)
    result = runner.invoke(args=["users", "erase", person.email, "--yes"])
    assert result.exit_code == 0, result.output
    assert "Ervaringen behouden: 1, verwijderd: 0." in result.output
    again = runner.invoke(args=["users", "erase", f"gewist-{person.id}@gewist.invalid", "--yes"])
    assert again.exit_code != 0 and "al gewist" in again.output
    unknown = runner.invoke(args=["users", "erase", "niemand@gemeente.example", "--yes"])
    assert unknown.exit_code != 0 and "Er is geen gebruiker" in unknown.output
    with app.app_context():
        assert NAME not in runner.invoke(args=["users", "list"]).output


def test_cli_erase_asks_first(app, runner, make_user):
    person = make_user(name=NAME)
    result = runner.invoke(args=["users", "erase", person.email], input="n\n")
    assert result.exit_code != 0
    with app.app_context():
        assert db.session.get(User, person.id).name == NAME


def test_months_before():
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 1, 15), 12) == date(2025, 1, 15)
    assert months_before(date(2024, 5, 31), 3) == date(2024, 2, 29)


def test_search_log_is_purged_after_the_configured_months(app, runner):
    today = date.today()
    with app.app_context():
        db.session.add_all([SearchLog(query="oud", hits=0, searched_on=months_before(today, 13)),
                            SearchLog(query="recent", hits=1,
                                      searched_on=months_before(today, 11))])
        db.session.commit()
    result = runner.invoke(args=["retention"])
    assert result.exit_code == 0 and "Zoekopdrachten: 1," in result.output
    with app.app_context():
        assert db.session.scalars(select(SearchLog.query)).all() == ["recent"]
    app.config["SEARCH_LOG_MONTHS"] = 6
    runner.invoke(args=["init"])  # startup purges too
    with app.app_context():
        assert db.session.scalars(select(SearchLog.query)).all() == []


def test_the_user_page_leads_to_the_erase_confirmation(client, make_user):
    person = make_user()
    client.login(make_user("beheerder").email)
    page = client.get(f"/beheer/gebruikers/{person.id}").get_data(as_text=True)
    assert f'href="/beheer/gebruikers/{person.id}/wissen"' in page
