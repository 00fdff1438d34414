"""Throttling in the database: failed sign-ins per account and per address, request rates."""
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from rugzak import create_app
from rugzak.audit.models import AuditEvent
from rugzak.extensions import db
from rugzak.security.throttle import RateCounter, add_hit
from rugzak.timeutil import utcnow

from . import conftest
from .conftest import PASSWORD, FormClient

TOO_MANY = "Te veel mislukte inlogpogingen"


def wrong(client, email, address="10.0.0.1"):
    return client.submit("/inloggen", {"email": email, "password": "helemaal verkeerd!"},
                         environ_base={"REMOTE_ADDR": address})


def right(client, email, address="10.0.0.1"):
    return client.submit("/inloggen", {"email": email, "password": PASSWORD},
                         environ_base={"REMOTE_ADDR": address})


def test_sixth_quick_wrong_password_gets_429(app, client, make_user):
    user = make_user()
    assert [wrong(client, user.email).status_code for _ in range(5)] == [401] * 5
    response = wrong(client, user.email)
    assert response.status_code == 429
    assert TOO_MANY in response.get_data(as_text=True)
    assert 14 * 60 <= int(response.headers["Retry-After"]) <= 15 * 60
    assert user.email in response.get_data(as_text=True)  # the form keeps what was typed
    # the right password does not help while blocked: nothing is checked
    assert right(client, user.email).status_code == 429
    with app.app_context():
        refused = db.session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.detail == "geweigerd: te veel mislukte pogingen"))
    assert refused == 2


def test_the_wait_shown_never_exceeds_the_window(client, make_user):
    user = make_user()
    for _ in range(5):
        wrong(client, user.email)
    response = wrong(client, user.email)
    assert "Probeer het over 15 minuten opnieuw." in response.get_data(as_text=True)


def test_the_wait_ends_when_enough_failures_have_left_the_window(app, client, make_user):
    user = make_user()
    for _ in range(4):
        wrong(client, user.email)
    with app.app_context():
        for row in db.session.scalars(select(RateCounter)):
            row.bucket -= timedelta(minutes=10)
        db.session.commit()
    wrong(client, user.email)
    response = wrong(client, user.email)  # the four old ones leave in five minutes
    assert "Probeer het over 5 minuten opnieuw." in response.get_data(as_text=True)
    assert 4 * 60 <= int(response.headers["Retry-After"]) <= 5 * 60


def test_unknown_accounts_are_throttled_alike(client):
    statuses = [wrong(client, "niemand@gemeente.example").status_code for _ in range(6)]
    assert statuses == [401] * 5 + [429]


def test_block_is_per_account(client, make_user):
    victim, other = make_user(), make_user()
    for _ in range(5):
        wrong(client, victim.email)
    assert right(client, other.email).status_code == 302


def test_success_resets_the_account_count(client, make_user):
    user = make_user()
    for _ in range(4):
        wrong(client, user.email)
    right(client, user.email)
    client.logout()
    for _ in range(4):
        assert wrong(client, user.email).status_code == 401


def test_block_ends_when_the_window_has_passed(app, client, make_user):
    user = make_user()
    for _ in range(5):
        wrong(client, user.email)
    with app.app_context():
        for row in db.session.scalars(select(RateCounter)):
            row.bucket -= timedelta(minutes=16)
        db.session.commit()
    assert right(client, user.email).status_code == 302


def test_many_accounts_from_one_address(app, client, make_user):
    app.config["SIGN_IN_MAX_FAILURES_PER_ADDRESS"] = 8
    users = [make_user() for _ in range(3)]
    statuses = [wrong(client, users[i % 3].email, "10.9.9.9").status_code for i in range(9)]
    assert statuses == [401] * 8 + [429]
    assert right(client, users[0].email, "10.1.1.1").status_code == 302  # other address


@pytest.fixture
def second_app(instance, database_url):
    """A second app on the same database: another gunicorn worker, or another server."""
    other = create_app(conftest.test_config(instance, database_url))
    other.test_client_class = FormClient
    yield other
    other.extensions["rugzak.search"].stop()


def test_count_is_shared_between_app_instances(client, second_app, make_user):
    user = make_user()
    other = second_app.test_client()
    statuses = [wrong(client if i % 2 else other, user.email).status_code for i in range(5)]
    assert statuses == [401] * 5
    assert wrong(other, user.email).status_code == 429
    assert wrong(client, user.email).status_code == 429


def test_api_and_search_have_a_rate_limit(app, client, make_user):
    app.config["RATE_LIMIT_PER_MINUTE"] = 3
    user = make_user()
    client.login(user.email)
    statuses = [client.get("/api/v1/experiences").status_code for _ in range(3)]
    limited = client.get("/zoeken?q=regie")
    assert statuses == [200] * 3
    assert limited.status_code == 429
    assert "Te veel verzoeken" in limited.get_data(as_text=True)
    assert 1 <= int(limited.headers["Retry-After"]) <= 61
    api = client.get("/api/v1/experiences")
    assert api.status_code == 429 and api.json["error"].startswith("Te veel verzoeken")
    assert client.get("/ervaringen").status_code == 200  # ordinary pages are not counted


def test_old_buckets_are_cleaned_up(app):
    with app.app_context():
        add_hit("a", utcnow() - timedelta(days=2))
        db.session.commit()
        add_hit("b")
        db.session.commit()
        assert db.session.scalars(select(RateCounter.key)).all() == ["b"]
