"""API tokens with a lifecycle: listed and revoked by their owner and the beheerder, ended by a
password change and by deactivation for good, an optional expiry, a cheap last-used date."""
from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select, update

from rugzak.auth.models import ApiToken
from rugzak.extensions import db
from rugzak.timeutil import utcnow

from .conftest import PASSWORD
from .test_admin_users import link_of, set_password
from .test_audit import events

API = "/api/v1/taxonomy"


def works(app, headers) -> bool:
    """Does the token work? Asked by a client without a session cookie."""
    status = app.test_client().get(API, headers=headers).status_code
    assert status in (200, 401)
    return status == 200


def revoke_forms(page: str) -> list[str]:
    return re.findall(r'action="([^"]*/tokens/\d+/intrekken)"', page)


def test_owner_lists_and_revokes_their_token(app, client, make_user, token_for):
    user = make_user()
    headers = token_for(user)
    assert works(app, headers)
    client.login(user.email)
    page = client.get("/account").get_data(as_text=True)
    assert "API-tokens" in page and "tot intrekken" in page
    [action] = revoke_forms(page)
    response = client.submit(action, page="/account")
    assert response.status_code == 302 and response.headers["Location"] == "/account"
    page = client.get("/account").get_data(as_text=True)
    assert "De API-token is ingetrokken." in page and "beëindigd op" in page
    assert revoke_forms(page) == []
    assert not works(app, headers)
    assert ("api_token_revoked", user.id, user.id) in [(e[0], e[2], e[4]) for e in events(app)]


def test_nobody_else_sees_or_revokes_a_token(app, client, make_user, token_for):
    owner, other = make_user(), make_user()
    headers = token_for(owner)
    with app.app_context():
        token_id = db.session.scalar(select(ApiToken.id))
    client.login(other.email)
    assert revoke_forms(client.get("/account").get_data(as_text=True)) == []
    assert client.submit(f"/account/tokens/{token_id}/intrekken",
                         page="/account").status_code == 404
    assert client.submit(f"/beheer/gebruikers/{owner.id}/tokens/{token_id}/intrekken",
                         page="/account").status_code == 403
    assert works(app, headers)


def test_beheerder_lists_and_revokes_a_users_token(app, client, make_user, token_for, logged_in):
    user, someone = make_user(), make_user()
    headers = token_for(user)
    logged_in("beheerder")
    url = f"/beheer/gebruikers/{user.id}"
    [action] = revoke_forms(client.get(url).get_data(as_text=True))
    token_id = action.rsplit("/", 2)[1]
    elsewhere = f"/beheer/gebruikers/{someone.id}/tokens/{token_id}/intrekken"
    assert client.submit(elsewhere, page=url).status_code == 404
    assert works(app, headers)
    assert client.submit(action, page=url).headers["Location"] == url
    assert not works(app, headers)


def test_a_password_change_ends_every_token(app, client, make_user, token_for):
    user = make_user()
    headers = token_for(user)
    client.login(user.email)
    changed = client.submit("/account/wachtwoord", {
        "current": PASSWORD, "new": "een nieuwe fietsroute langs het kanaal",
        "repeat": "een nieuwe fietsroute langs het kanaal"})
    assert changed.status_code == 302
    assert not works(app, headers)
    assert revoke_forms(client.get("/account").get_data(as_text=True)) == []


def test_a_password_set_through_a_link_ends_every_token(app, client, make_user, token_for,
                                                       logged_in):
    user = make_user()
    headers = token_for(user)
    logged_in("beheerder")
    url = f"/beheer/gebruikers/{user.id}"
    link = link_of(client.submit(f"{url}/wachtwoordlink", page=url))
    client.logout()
    assert set_password(client, link).status_code == 302
    assert not works(app, headers)


def test_deactivation_ends_tokens_and_reactivation_does_not_revive_them(app, client, make_user,
                                                                       token_for, logged_in):
    user = make_user()
    headers = token_for(user)
    logged_in("beheerder")
    url = f"/beheer/gebruikers/{user.id}"
    client.submit(f"{url}/deactiveren", page=url)
    client.submit(f"{url}/heractiveren", page=url)
    assert not works(app, headers)
    assert "beëindigd op" in client.get(url).get_data(as_text=True)
    assert works(app, token_for(user))  # a new token for the active account works


def test_token_with_an_expiry_stops_working(app, client, runner, make_user):
    user = make_user()
    made = runner.invoke(args=["tokens", "create", user.email, "--naam", "Power BI",
                               "--dagen", "30"])
    assert made.exit_code == 0, made.output
    headers = {"Authorization": f"Bearer {made.output.strip()}"}
    assert works(app, headers)
    with app.app_context():
        token = db.session.scalar(select(ApiToken))
        assert token.label == "Power BI"
        assert timedelta(days=29) < token.expires_at - utcnow() <= timedelta(days=30)
        token.expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    assert not works(app, headers)
    client.login(user.email)
    page = client.get("/account").get_data(as_text=True)
    assert "Power BI" in page and "verlopen" in page
    refused = runner.invoke(args=["tokens", "create", user.email, "--dagen", "0"])
    assert refused.exit_code != 0 and "1 tot 3650 dagen" in refused.output


def test_last_used_is_written_at_most_once_a_minute(app, client, make_user, token_for):
    headers = token_for(make_user())
    assert works(app, headers)
    with app.app_context():
        first = db.session.scalar(select(ApiToken.last_used_at))
    assert first is not None
    assert works(app, headers)
    with app.app_context():
        assert db.session.scalar(select(ApiToken.last_used_at)) == first
        db.session.execute(update(ApiToken).values(last_used_at=first - timedelta(minutes=2)))
        db.session.commit()
    assert works(app, headers)
    with app.app_context():
        assert db.session.scalar(select(ApiToken.last_used_at)) > first


def test_a_token_call_is_the_token_s_whatever_session_cookie_comes_along(client, make_user,
                                                                          token_for):
    """A client that signed out of the browser session still sends that session's cookie (it
    holds the CSRF secret and the language): the token decides who calls, not the cookie."""
    owner, other = make_user("beheerder"), make_user("medewerker")
    headers = token_for(owner)
    client.login(other.email)
    client.logout()
    assert client.get_cookie("session") is not None
    answer = client.get("/api/v1/users", headers=headers)
    assert answer.status_code == 200, answer.get_data(as_text=True)

    client.login(other.email)  # someone else's live session: still the token's call
    assert client.get("/api/v1/users", headers=headers).status_code == 200
    assert client.get("/api/v1/users", headers={"Authorization": "Bearer wrong"}
                      ).status_code == 401
    assert client.get("/api/v1/users").status_code == 403  # the session's own call
