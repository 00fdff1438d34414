"""Server-side sessions: sign-out, idle timeout, lifetime, deactivation, cookie flags."""
import hashlib
from datetime import timedelta

import pytest
from itsdangerous import BadSignature
from sqlalchemy import select, update

from rugzak.admin.services import deactivate_user
from rugzak.auth.models import User
from rugzak.extensions import db
from rugzak.security.sessions import UserSession

from .conftest import CSRF_PATTERN, PASSWORD


def session_cookie(client) -> str:
    return client.get_cookie("session").value


def with_cookie(app, value: str):
    other = app.test_client()
    other.set_cookie("session", value)
    return other


def signed_in(response) -> bool:
    return response.status_code == 200


def sessions_of(app, user) -> list[UserSession]:
    with app.app_context():
        return list(db.session.scalars(select(UserSession).where(UserSession.user_id == user.id)
                                       .order_by(UserSession.id)))


def test_copied_cookie_works_until_sign_out_and_dies_after_it(app, client, make_user):
    user = make_user()
    client.login(user.email)
    copied = session_cookie(client)
    assert signed_in(with_cookie(app, copied).get("/ervaringen"))
    client.logout()
    thief = with_cookie(app, copied)
    response = thief.get("/ervaringen")
    assert response.status_code == 302 and response.headers["Location"].startswith("/inloggen")
    assert thief.get("/api/v1/experiences").status_code == 401
    [row] = sessions_of(app, user)
    assert row.ended_at is not None and row.end_reason == "afgemeld"


def test_a_cookie_from_before_sign_in_does_not_become_signed_in(app, client, make_user):
    user = make_user()
    client.get("/inloggen")
    before = session_cookie(client)
    client.login(user.email)
    assert session_cookie(client) != before
    assert with_cookie(app, before).get("/ervaringen").status_code == 302


def test_every_sign_in_is_its_own_session(app, make_user):
    user = make_user()
    first, second = app.test_client(), app.test_client()
    first.login(user.email)
    second.login(user.email)
    first.logout()
    assert first.get("/ervaringen").status_code == 302
    assert signed_in(second.get("/ervaringen"))
    assert [row.end_reason for row in sessions_of(app, user)] == ["afgemeld", None]


def age_sessions(app, user, **values):
    with app.app_context():
        db.session.execute(update(UserSession).where(UserSession.user_id == user.id)
                           .values(**values))
        db.session.commit()


def test_idle_session_ends(app, client, make_user):
    user = make_user()
    client.login(user.email)
    [row] = sessions_of(app, user)
    age_sessions(app, user, last_seen_at=row.last_seen_at - timedelta(minutes=59))
    assert signed_in(client.get("/ervaringen"))  # 59 minutes idle is still fine
    [row] = sessions_of(app, user)
    age_sessions(app, user, last_seen_at=row.last_seen_at - timedelta(minutes=61))
    response = client.get("/ervaringen", follow_redirects=True)
    assert "Je sessie is verlopen. Log opnieuw in." in response.get_data(as_text=True)
    assert sessions_of(app, user)[0].end_reason == "inactief"
    age_sessions(app, user, last_seen_at=row.last_seen_at)  # an ended session stays ended
    assert client.get("/ervaringen").status_code == 302


def test_session_has_an_absolute_lifetime(app, client, make_user):
    user = make_user()
    client.login(user.email)
    [row] = sessions_of(app, user)
    age_sessions(app, user, created_at=row.created_at - timedelta(hours=12, minutes=1))
    assert client.get("/ervaringen").status_code == 302
    assert sessions_of(app, user)[0].end_reason == "verlopen"


def test_timeouts_are_configurable(app, client, make_user):
    app.config["SESSION_IDLE_MINUTES"] = 5
    user = make_user()
    client.login(user.email)
    [row] = sessions_of(app, user)
    age_sessions(app, user, last_seen_at=row.last_seen_at - timedelta(minutes=6))
    assert client.get("/ervaringen").status_code == 302


def test_last_seen_is_kept_up_to_date(app, client, make_user):
    user = make_user()
    client.login(user.email)
    [row] = sessions_of(app, user)
    age_sessions(app, user, last_seen_at=row.last_seen_at - timedelta(minutes=10))
    client.get("/ervaringen")
    assert sessions_of(app, user)[0].last_seen_at >= row.last_seen_at


def test_deactivation_ends_every_session(app, make_user):
    user = make_user()
    first, second = app.test_client(), app.test_client()
    first.login(user.email)
    second.login(user.email)
    with app.app_context():
        deactivate_user(None, db.session.get(User, user.id))
    assert first.get("/ervaringen").status_code == 302
    assert second.get("/ervaringen").status_code == 302
    assert {row.end_reason for row in sessions_of(app, user)} == {"gedeactiveerd"}


def csrf_token_over(client, base_url: str) -> str:
    """The sign-in form's token, over HTTP or HTTPS: each has a cookie of its own name."""
    page = client.get("/inloggen", base_url=base_url).get_data(as_text=True)
    return next(group for group in CSRF_PATTERN.search(page).groups() if group)


@pytest.mark.parametrize("base_url, secure", [("http://localhost", False),
                                              ("https://localhost", True)])
def test_cookie_flags(client, make_user, base_url, secure):
    user = make_user()
    token = csrf_token_over(client, base_url)
    response = client.post("/inloggen", base_url=base_url, data={
        "email": user.email, "password": PASSWORD, "csrf_token": token},
        headers={"Referer": f"{base_url}/inloggen"})  # Flask-WTF checks it over HTTPS
    assert response.status_code == 302
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert ("Secure" in cookie) is secure


def test_the_session_cookie_is_signed_with_sha256(app, client, make_user):
    from flask.json.tag import TaggedJSONSerializer
    from itsdangerous import URLSafeTimedSerializer

    client.login(make_user().email)
    cookie = client.get_cookie("session").value
    signed_with = {name: URLSafeTimedSerializer(
        app.secret_key, salt="cookie-session", serializer=TaggedJSONSerializer(),
        signer_kwargs={"key_derivation": "hmac", "digest_method": digest})
        for name, digest in (("sha256", hashlib.sha256), ("sha1", hashlib.sha1))}
    assert signed_with["sha256"].loads(cookie)
    with pytest.raises(BadSignature):
        signed_with["sha1"].loads(cookie)


def test_secure_cookies_can_be_forced(app, client, make_user):
    app.config["SESSION_COOKIE_SECURE"] = True
    response = client.get("/inloggen")
    assert "Secure" in response.headers["Set-Cookie"]


def test_no_remember_me_cookie(client, make_user):
    user = make_user()
    response = client.login(user.email)
    assert "remember_token" not in " ".join(response.headers.getlist("Set-Cookie"))
    assert "onthoud" not in client.get("/inloggen").get_data(as_text=True).lower()


@pytest.mark.parametrize("forced", [False, True])
def test_secure_session_cookie_is_a_host_cookie(app, client, make_user, forced):
    app.config["SESSION_COOKIE_SECURE"] = forced
    app.config["SESSION_COOKIE_DOMAIN"] = "gemeente.example"  # ignored for a __Host- cookie
    user = make_user()
    base_url = "http://localhost" if forced else "https://localhost"
    token = csrf_token_over(client, base_url)
    response = client.post("/inloggen", base_url=base_url, data={
        "email": user.email, "password": PASSWORD, "csrf_token": token},
        headers={"Referer": f"{base_url}/inloggen"})
    assert response.status_code == 302
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("__Host-session=") and "; Secure" in cookie and "; Path=/" in cookie
    assert "Domain" not in cookie
    assert client.get("/account", base_url=base_url).status_code == 200  # read back by name
