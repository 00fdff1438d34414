"""Two-step verification for local accounts, through HTTP: setting it up with a real code from
pyotp, the second step of signing in, replay, recovery codes, throttling, required roles,
switching off, and the person's data."""
from __future__ import annotations

import json
import re
import time

import pyotp
import pytest
from sqlalchemy import select

from rugzak import create_app
from rugzak.audit.models import Action, AuditEvent
from rugzak.extensions import db
from rugzak.twostep.models import RecoveryCode, TwoStepSecret

from . import conftest
from .conftest import PASSWORD
from .test_security_headers import assert_csp_compliant_html

SETUP = "/account/tweestapsverificatie"
CODE = "/inloggen/code"
SECRET = re.compile(r'<code class="secret">([A-Z2-7]{32})</code>')
RECOVERY = re.compile(r"<li><code>([a-z2-9]{5}-[a-z2-9]{5})</code></li>")
WRONG = "Deze code klopt niet of is al gebruikt."


def switch_on(client) -> tuple[pyotp.TOTP, list[str]]:
    """Set up two-step verification as a person does; the app's TOTP and the recovery codes."""
    page = client.get(SETUP).get_data(as_text=True)
    totp = pyotp.TOTP(SECRET.search(page).group(1))
    response = client.submit(SETUP, {"code": totp.now()})
    assert response.status_code == 200, response.get_data(as_text=True)
    return totp, RECOVERY.findall(response.get_data(as_text=True))


def next_code(totp: pyotp.TOTP) -> str:
    """The code of the next time step: accepted, and not the one used a moment ago."""
    return totp.at(time.time() + totp.interval)


@pytest.fixture
def person(app, client, make_user):
    """A signed-in medewerker with two-step verification on: (user, client, totp, codes)."""
    user = make_user()
    client.login(user.email)
    totp, codes = switch_on(client)
    client.logout()
    return user, totp, codes


def password_step(client, email: str):
    return client.submit("/inloggen", {"email": email, "password": PASSWORD})


def test_setup_shows_a_qr_code_and_the_key_and_needs_a_first_code(app, client, make_user):
    user = make_user()
    client.login(user.email)
    response = client.get(SETUP)
    page = response.get_data(as_text=True)
    assert '<svg role="img"' in page and "<title>QR-code" in page
    assert_csp_compliant_html(response.headers, page)  # made here, inline, nothing fetched
    secret = SECRET.search(page).group(1)
    assert client.get(SETUP).get_data(as_text=True).count(secret) == 1  # the same on reload

    refused = client.submit(SETUP, {"code": "000000"})
    assert refused.status_code == 422
    assert "Deze code klopt niet" in refused.get_data(as_text=True)
    assert "Staat uit." in client.get("/account").get_data(as_text=True)

    shown = client.submit(SETUP, {"code": pyotp.TOTP(secret).now()})
    codes = RECOVERY.findall(shown.get_data(as_text=True))
    assert shown.status_code == 200 and len(set(codes)) == 10
    assert "Staat aan" in client.get("/account").get_data(as_text=True)
    again = client.get(SETUP).get_data(as_text=True)  # the secret and codes never again
    assert secret not in again and not RECOVERY.search(again)
    assert "10 ongebruikte herstelcodes" in again
    with app.app_context():
        row = db.session.scalar(select(TwoStepSecret).where(TwoStepSecret.user_id == user.id))
        assert row.confirmed_at and secret not in row.sealed_secret
        hashes = db.session.scalars(select(RecoveryCode.code_hash)).all()
        assert len(hashes) == 10 and all(h.startswith("$argon2id$") for h in hashes)
        assert not any(code in h for code in codes for h in hashes)


def test_signing_in_asks_for_the_code_and_refuses_without_it(app, client, person):
    user, totp, _codes = person
    response = password_step(client, user.email)
    assert response.status_code == 302 and response.location.endswith(CODE)
    assert client.get("/ervaringen").status_code == 302  # not signed in yet
    assert client.get("/account").location.startswith("/inloggen")

    assert client.submit(CODE, {"code": ""}).status_code == 401
    wrong = client.submit(CODE, {"code": "123456"})
    assert wrong.status_code == 401 and WRONG in wrong.get_data(as_text=True)
    assert client.get("/ervaringen").status_code == 302

    signed_in = client.submit(CODE, {"code": next_code(totp)})
    assert signed_in.status_code == 302 and signed_in.location == "/"
    assert client.get("/ervaringen").status_code == 200
    with app.app_context():
        details = db.session.scalars(select(AuditEvent.detail).where(
            AuditEvent.object_id == user.id, AuditEvent.object_type == "users",
            AuditEvent.action.in_([Action.SIGN_IN, Action.SIGN_IN_FAILED]))).all()
    assert details.count("tweede stap: onjuiste code") == 2
    assert "tweede stap: code juist" in details


def test_the_code_step_keeps_where_the_person_was_going(client, person):
    user, totp, _codes = person
    client.submit("/inloggen", {"email": user.email, "password": PASSWORD,
                                "next": "/ervaringen"})
    assert client.submit(CODE, {"code": next_code(totp)}).location == "/ervaringen"


def test_a_code_is_accepted_once(app, client, person):
    user, totp, _codes = person
    code = next_code(totp)
    password_step(client, user.email)
    assert client.submit(CODE, {"code": code}).status_code == 302
    client.logout()
    password_step(client, user.email)
    assert client.submit(CODE, {"code": code}).status_code == 401  # replayed in its window
    assert client.submit(CODE, {"code": totp.now()}).status_code == 401  # an earlier step


def test_a_recovery_code_works_once(client, person):
    user, _totp, codes = person
    password_step(client, user.email)
    assert client.submit(CODE, {"code": codes[3].upper().replace("-", " ")}).status_code == 302
    client.logout()
    password_step(client, user.email)
    assert client.submit(CODE, {"code": codes[3]}).status_code == 401
    assert client.submit(CODE, {"code": codes[4]}).status_code == 302
    assert "8 ongebruikte herstelcodes" in client.get(SETUP).get_data(as_text=True)


def test_wrong_codes_are_throttled_like_passwords(app, client, person):
    user, totp, _codes = person
    password_step(client, user.email)
    for _attempt in range(app.config["SIGN_IN_MAX_FAILURES_PER_ACCOUNT"]):
        assert client.submit(CODE, {"code": "000000"}).status_code == 401
    throttled = client.submit(CODE, {"code": next_code(totp)})
    assert throttled.status_code == 429 and int(throttled.headers["Retry-After"]) > 0
    assert "Te veel mislukte inlogpogingen" in throttled.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(
            select(AuditEvent.detail).where(AuditEvent.action == Action.SIGN_IN_FAILED)
            .order_by(AuditEvent.id.desc())) == "tweede stap: te veel mislukte pogingen"
    # the right password again does not reset the count: the same counters as passwords
    assert password_step(app.test_client(), user.email).status_code == 429


def test_the_half_signed_in_state_expires(app, client, person):
    user, totp, _codes = person
    password_step(client, user.email)
    app.config["TWO_STEP_MINUTES"] = 0
    time.sleep(1.1)
    expired = client.submit(CODE, {"code": next_code(totp)}, page="/inloggen")
    assert expired.status_code == 302 and expired.location == "/inloggen"
    assert "De tijd om de code te typen is voorbij" in client.get(
        "/inloggen").get_data(as_text=True)
    assert client.get("/ervaringen").status_code == 302


def test_the_code_page_without_a_password_sends_to_sign_in(client):
    assert client.get(CODE).location == "/inloggen"


@pytest.mark.parametrize("role", ["kernteam", "beheerder"])
def test_required_for_kernteam_and_beheerder(app, client, make_user, token_for, role):
    app.config["REQUIRE_MFA"] = True
    user = make_user(role)
    headers = token_for(user)
    client.login(user.email)
    for page in ("/", "/ervaringen", "/account", "/beheer/gebruikers"):
        assert client.get(page).location == SETUP, page
    assert client.get("/api/v1/experiences").status_code == 403  # with the session cookie
    assert "verplicht" in client.get(SETUP).get_data(as_text=True)
    assert app.test_client().get("/api/v1/experiences", headers=headers).status_code == 200
    switch_on(client)
    assert client.get("/ervaringen").status_code == 200


def test_not_required_for_medewerker_nor_when_switched_off(app, client, make_user):
    app.config["REQUIRE_MFA"] = True
    client.login(make_user("medewerker").email)
    assert client.get("/ervaringen").status_code == 200
    app.config["REQUIRE_MFA"] = False
    other = app.test_client()
    other.login(make_user("kernteam").email)
    assert other.get("/ervaringen").status_code == 200


def test_switching_off_needs_the_password_and_a_code(client, person):
    user, totp, codes = person
    password_step(client, user.email)
    client.submit(CODE, {"code": next_code(totp)})
    off = SETUP + "/uitzetten"
    wrong_password = client.submit(off, {"password": "niet mijn wachtwoord", "code": "1"},
                                   page=SETUP)
    assert wrong_password.status_code == 422
    assert "Dit is niet je huidige wachtwoord." in wrong_password.get_data(as_text=True)
    no_code = client.submit(off, {"password": PASSWORD, "code": ""}, page=SETUP)
    assert no_code.status_code == 422 and "Deze code klopt niet." in no_code.get_data(
        as_text=True)
    switched = client.submit(off, {"password": PASSWORD, "code": codes[0]}, page=SETUP)
    assert switched.status_code == 302 and switched.location == "/account"
    client.logout()
    assert client.login(user.email).location == "/"  # no second step any more


def test_new_recovery_codes_replace_the_old_ones(client, person):
    user, totp, codes = person
    password_step(client, user.email)
    client.submit(CODE, {"code": codes[0]})
    renewed = client.submit(SETUP + "/herstelcodes", {"password": PASSWORD, "code": codes[1]},
                            page=SETUP)
    new_codes = RECOVERY.findall(renewed.get_data(as_text=True))
    assert renewed.status_code == 200 and len(new_codes) == 10
    client.logout()
    password_step(client, user.email)
    assert client.submit(CODE, {"code": codes[2]}).status_code == 401
    assert client.submit(CODE, {"code": new_codes[0]}).status_code == 302


def test_the_data_download_says_it_is_on_but_never_the_secret(app, client, person):
    user, totp, codes = person
    password_step(client, user.email)
    client.submit(CODE, {"code": next_code(totp)})
    body = client.get("/account/gegevens").get_data(as_text=True)
    assert json.loads(body)["two_step"]["recovery_codes_left"] == 10
    assert totp.secret not in body and not any(code in body for code in codes)
    with app.app_context():
        sealed = db.session.scalar(select(TwoStepSecret.sealed_secret))
    assert sealed not in body


def test_erasure_removes_the_secret_and_codes(app, client, person, make_user):
    user, _totp, _codes = person
    client.login(make_user("beheerder").email)
    url = f"/beheer/gebruikers/{user.id}/wissen"
    assert client.submit(url, {"understood": "y"}, page=url).status_code == 302
    with app.app_context():
        assert db.session.scalar(select(TwoStepSecret.id)) is None
        assert db.session.scalar(select(RecoveryCode.id)) is None


def test_setup_is_for_signed_in_people_only(client):
    assert client.get(SETUP).location.startswith("/inloggen")


def test_the_code_step_in_english(client, person):
    user, _totp, _codes = person
    english = {"Accept-Language": "en-GB,en;q=0.9"}
    client.submit("/inloggen", {"email": user.email, "password": PASSWORD}, headers=english)
    assert "Type your code" in client.get(CODE, headers=english).get_data(as_text=True)
    wrong = client.submit(CODE, {"code": "123456"}, headers=english)
    assert "This code is not right or has been used already." in wrong.get_data(as_text=True)


def test_the_operator_resets_it_for_someone_who_lost_app_and_codes(app, client, person):
    user, _totp, _codes = person
    result = app.test_cli_runner().invoke(args=["users", "reset-two-step", user.email])
    assert result.exit_code == 0, result.output
    assert client.login(user.email).location == "/"
    unknown = app.test_cli_runner().invoke(args=["users", "reset-two-step", "niemand@x.example"])
    assert unknown.exit_code != 0 and "Er is geen gebruiker" in unknown.output
    with app.app_context():
        detail = db.session.scalar(select(AuditEvent.detail).where(
            AuditEvent.action == Action.TWO_STEP_DISABLED))
    assert detail == "op de server gereset"


def test_after_a_new_secret_key_only_recovery_codes_work(app, client, person):
    user, totp, codes = person
    app.config["SECRET_KEY"] = "een andere sleutel"
    password_step(client, user.email)
    assert client.submit(CODE, {"code": next_code(totp)}).status_code == 401
    assert client.submit(CODE, {"code": codes[0]}).status_code == 302


@pytest.mark.parametrize("settings, required", [
    ({"TESTING": False}, True),  # a production install
    ({"TESTING": False, "REQUIRE_MFA": False}, False),
    ({"TESTING": True}, False),
    ({"TESTING": True, "REQUIRE_MFA": True}, True),
])
def test_required_unless_testing_debug_or_switched_off(instance, database_url, settings,
                                                       required):
    app = create_app({**conftest.test_config(instance, database_url), **settings})
    try:
        assert app.config["REQUIRE_MFA"] is required
    finally:
        app.extensions["rugzak.search"].stop()


def test_the_administrator_sees_whether_it_is_on_but_cannot_switch_it_off(
        client, person, make_user):
    user, _totp, _codes = person
    without = make_user()
    client.login(make_user("beheerder").email)
    page = client.get(f"/beheer/gebruikers/{user.id}").get_data(as_text=True)
    assert "Tweestapsverificatie staat aan sinds" in page
    assert "vraagt de beheerder van de server" in page and "tweestap" not in " ".join(
        re.findall(r'action="([^"]*)"', page))
    other = client.get(f"/beheer/gebruikers/{without.id}").get_data(as_text=True)
    assert "Tweestapsverificatie staat uit." in other
