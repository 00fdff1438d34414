"""Single sign-on with OpenID Connect against a real provider on loopback (tests/oidc_provider.py):
the served app (gunicorn) visited by an HTTP client that follows the real redirects to the
provider and back, and the Flask test client for the cases that need no second process."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import requests
from sqlalchemy import select

from rugzak import create_app
from rugzak.audit.models import Action, AuditEvent, Outcome
from rugzak.auth.models import User
from rugzak.environment import ConfigError
from rugzak.extensions import db
from rugzak.sso.models import OidcIdentity

from .conftest import CSRF_PATTERN, PASSWORD, FormClient, _add_partners
from .conftest import test_config as config_for
from .oidc_provider import CLIENT_ID, authorize, query_of, running_provider, start
from .servers import Server

ALICE = {"email": "alice@gemeente.example", "name": "Alice Ambtenaar",
         "groups": ["alle-medewerkers", "rugzak-kernteam"], "department": "Werk en Inkomen"}


@pytest.fixture
def provider():
    with running_provider() as running:
        yield running


@pytest.fixture
def served(app, instance, database_url, provider):
    """The app under gunicorn (two workers), signing in through the provider."""
    with Server(instance, database_url, workers=2, settings=provider.settings()) as server:
        yield server


def sign_in(browser: requests.Session, served, provider, sub: str) -> requests.Response:
    """Through the provider and back; the page the app lands on."""
    callback = authorize(browser, start(browser, served.url, provider), sub)
    return browser.get(callback, timeout=30)


def in_database(app, query):
    with app.app_context():
        return query()


def user_by_email(app, email: str) -> dict:
    def read():
        user = db.session.scalar(select(User).filter_by(email=email))
        return {"id": user.id, "name": user.name, "role": user.role, "active": user.active,
                "department": user.department.slug if user.department else None,
                "partner": user.partner.slug if user.partner else None}
    return in_database(app, read)


def events(app, action: Action) -> list[tuple[str, str]]:
    return in_database(app, lambda: [
        (event.outcome, event.detail) for event in db.session.scalars(
            select(AuditEvent).filter_by(action=action).order_by(AuditEvent.id))])


def refusal_counts(app) -> dict[str, int]:
    """Refusals are counted per reason and minute (rugzak/audit/refusals.py)."""
    counts: dict[str, int] = {}
    for detail, times in in_database(app, lambda: db.session.execute(
            select(AuditEvent.detail, AuditEvent.times)
            .filter_by(action=Action.REFUSED_SSO).order_by(AuditEvent.id)).all()):
        counts[detail] = counts.get(detail, 0) + times
    return counts


def csrf_token(browser: requests.Session, url: str) -> str:
    found = CSRF_PATTERN.search(browser.get(url, timeout=30).text)
    return next(group for group in found.groups() if group)


@pytest.mark.slow
def test_first_sign_in_creates_the_account_later_ones_bring_it_up_to_date(app, served,
                                                                         provider):
    provider.add_user("alice-sub", **ALICE)
    browser = requests.Session()
    form_url = start(browser, served.url, provider)
    asked = query_of(form_url)
    assert asked["code_challenge_method"] == "S256" and len(asked["code_challenge"]) >= 43
    assert asked["client_id"] == CLIENT_ID and asked["state"] and asked["nonce"]
    assert asked["redirect_uri"] == f"{served.url}/inloggen/organisatie/terug"
    assert set(asked["scope"].split()) == {"openid", "profile", "email"}

    landed = browser.get(authorize(browser, form_url, "alice-sub"), timeout=30)
    assert landed.url == f"{served.url}/" and "Alice Ambtenaar" in landed.text
    alice = user_by_email(app, ALICE["email"])
    assert (alice["role"], alice["department"]) == ("kernteam", "werk-en-inkomen")
    assert in_database(app, lambda: db.session.scalar(
        select(OidcIdentity.user_id).filter_by(issuer=provider.url, subject="alice-sub"))
    ) == alice["id"]
    assert (Outcome.SUCCESS, "via organisatieaccount") in events(app, Action.SIGN_IN)

    # the organisation renamed her and moved her out of the group: name and e-mail follow,
    # the role the claims no longer map stays as it was
    provider.add_user("alice-sub", email="a.jansen@gemeente.example", name="Alice Jansen",
                      groups=["alle-medewerkers"], department="Jeugd en Onderwijs")
    again = sign_in(requests.Session(), served, provider, "alice-sub")
    assert "Alice Jansen" in again.text
    renamed = user_by_email(app, "a.jansen@gemeente.example")
    assert renamed["id"] == alice["id"]
    assert (renamed["role"], renamed["department"]) == ("kernteam", "jeugd-en-onderwijs")

    # a person in no mapped group gets the default role
    provider.add_user("bob-sub", email="bob@gemeente.example", name="Bob")
    sign_in(requests.Session(), served, provider, "bob-sub")
    assert user_by_email(app, "bob@gemeente.example")["role"] == "medewerker"


@pytest.mark.slow
def test_sign_out_ends_the_session_and_goes_on_to_the_providers_sign_out(app, served,
                                                                        provider):
    provider.add_user("alice-sub", **ALICE)
    browser = requests.Session()
    sign_in(browser, served, provider, "alice-sub")
    csp = browser.get(served.url, timeout=30).headers["Content-Security-Policy"]
    assert f"form-action 'self' {provider.url}" in csp  # the sign-out form may go on there
    answer = browser.post(f"{served.url}/uitloggen", allow_redirects=False, timeout=30,
                          data={"csrf_token": csrf_token(browser, served.url)})
    assert answer.status_code == 302
    end_session = answer.headers["Location"]
    assert end_session.startswith(f"{provider.url}/oauth2/end_session")
    assert query_of(end_session) == {"client_id": CLIENT_ID,
                                     "post_logout_redirect_uri": f"{served.url}/inloggen"}
    back = browser.get(served.url, allow_redirects=False, timeout=30)
    assert (back.status_code, back.headers["Location"]) == (302, "/inloggen?next=/")


@pytest.mark.slow
def test_a_forged_replayed_or_impostors_answer_is_refused_with_a_dutch_page(app, served,
                                                                           provider):
    """Wrong state, replayed code, and ID tokens of another issuer, key or nonce."""
    provider.add_user("alice-sub", **ALICE)
    browser = requests.Session()
    callback = authorize(browser, start(browser, served.url, provider), "alice-sub")

    forged = callback.replace(f"state={query_of(callback)['state']}", "state=vervalst")
    answer = browser.get(forged, timeout=30)
    assert answer.status_code == 400
    assert "Deze inlogpoging is verlopen of niet in deze browser begonnen." in answer.text
    assert browser.get(callback, timeout=30).url == f"{served.url}/"  # the real one works

    # the same code again, in a flow another browser started (its own state): the provider
    # refuses a code it already exchanged
    other = requests.Session()
    other_state = query_of(start(other, served.url, provider))["state"]
    replayed = callback.replace(f"state={query_of(callback)['state']}", f"state={other_state}")
    answer = other.get(replayed, timeout=30)
    assert answer.status_code == 400
    assert "de code is bijvoorbeeld al gebruikt of verlopen" in answer.text

    for tamper in ("issuer", "key", "nonce"):
        provider.tamper = tamper
        impostor = requests.Session()
        answer = sign_in(impostor, served, provider, "alice-sub")
        assert answer.status_code == 400, tamper
        assert "Het bewijs van je organisatieaccount klopt niet" in answer.text
        assert impostor.get(served.url, allow_redirects=False, timeout=30).status_code == 302
    route = "GET /inloggen/organisatie/terug"
    assert refusal_counts(app) == {  # iss and nonce are one reason: counted in one event a minute
        f"{route}: mismatching_state": 1, f"{route}: invalid_grant": 1,
        f"{route}: ID-token ongeldig: InvalidClaimError": 2,
        f"{route}: ID-token ongeldig: BadSignatureError": 1}


@pytest.mark.slow
def test_a_deactivated_account_is_signed_out_and_refused_at_the_next_sign_in(app, served,
                                                                            provider):
    provider.add_user("bea-sub", email="bea@gemeente.example", name="Bea Beheer",
                      groups=["rugzak-beheer"])
    provider.add_user("alice-sub", **ALICE)
    beheerder, alice = requests.Session(), requests.Session()
    sign_in(beheerder, served, provider, "bea-sub")
    sign_in(alice, served, provider, "alice-sub")
    alice_id = user_by_email(app, ALICE["email"])["id"]

    page = f"{served.url}/beheer/gebruikers/{alice_id}"
    done = beheerder.post(f"{page}/deactiveren", timeout=30,
                          data={"csrf_token": csrf_token(beheerder, page)})
    assert done.status_code == 200 and not user_by_email(app, ALICE["email"])["active"]
    assert alice.get(served.url, allow_redirects=False, timeout=30).status_code == 302

    answer = sign_in(alice, served, provider, "alice-sub")
    assert answer.status_code == 403
    assert "Je Rugzak-account is gedeactiveerd." in answer.text
    assert (Outcome.DENIED, "organisatieaccount: account niet actief") in events(
        app, Action.SIGN_IN_FAILED)


@pytest.mark.slow
def test_with_local_passwords_off_only_the_organisation_account_signs_in(
        app, instance, database_url, provider, make_user):
    local = make_user(email="lokaal@gemeente.example")
    provider.add_user("alice-sub", **ALICE)
    settings = provider.settings(LOCAL_PASSWORDS="false")
    with Server(instance, database_url, workers=1, settings=settings) as served:
        browser = requests.Session()
        page = browser.get(f"{served.url}/inloggen", timeout=30).text
        assert "Inloggen met je organisatieaccount" in page and 'type="password"' not in page
        answer = browser.post(f"{served.url}/inloggen", timeout=30, data={
            "csrf_token": csrf_token(browser, f"{served.url}/inloggen"),
            "email": local.email, "password": PASSWORD})
        assert answer.status_code == 403
        assert "Inloggen met een Rugzak-wachtwoord staat uit" in answer.text
        assert browser.get(f"{served.url}/wachtwoord-instellen", timeout=30).status_code == 403

        sign_in(browser, served, provider, "alice-sub")
        assert browser.get(f"{served.url}/account/wachtwoord", timeout=30).status_code == 403
        assert "Wachtwoord wijzigen" not in browser.get(f"{served.url}/account", timeout=30).text


# --- the Flask test client in front, the same real provider behind --------------------------


def sso_app(instance, database_url, provider, **settings):
    app = create_app({**config_for(instance, database_url), **provider.settings(**settings)})
    app.test_client_class = FormClient
    return app


@pytest.fixture
def stop_apps():
    apps = []
    yield apps.append
    for app in apps:
        app.extensions["rugzak.search"].stop()
        with app.app_context():
            db.engine.dispose()


def sign_in_with_client(client, provider, sub: str):
    """Start at the app, sign in at the provider over HTTP, come back into the test client."""
    form_url = client.get("/inloggen/organisatie").headers["Location"]
    callback = urlsplit(authorize(requests.Session(), form_url, sub))
    return client.get(f"{callback.path}?{callback.query}")


def test_the_sign_in_page_offers_the_organisation_account_first(
        instance, database_url, provider, stop_apps):
    app = sso_app(instance, database_url, provider)
    stop_apps(app)
    page = app.test_client().get("/inloggen").get_data(as_text=True)
    assert page.index("Inloggen met je organisatieaccount") < page.index('type="password"')


def test_the_organisation_account_needs_no_second_step_in_rugzak(
        instance, database_url, provider, stop_apps):
    """Two-step verification is for local passwords: the provider does its own second step."""
    app = sso_app(instance, database_url, provider, REQUIRE_MFA=True)
    stop_apps(app)
    provider.add_user("kim-sub", email="kim@gemeente.example", name="Kim",
                      groups=["rugzak-kernteam"])
    client = app.test_client()
    assert sign_in_with_client(client, provider, "kim-sub").status_code == 302
    assert user_by_email(app, "kim@gemeente.example")["role"] == "kernteam"
    assert client.get("/beheer").status_code == 200


def test_a_partner_claim_makes_a_partner_account(instance, database_url, provider, stop_apps):
    app = sso_app(instance, database_url, provider)
    stop_apps(app)
    with app.app_context():
        _add_partners()
    provider.add_user("pim-sub", email="pim@uwv.example", name="Pim", partner="uwv",
                      groups=["rugzak-kernteam"])
    assert sign_in_with_client(app.test_client(), provider, "pim-sub").status_code == 302
    pim = user_by_email(app, "pim@uwv.example")
    assert (pim["role"], pim["partner"], pim["department"]) == ("partner", "uwv", None)


@pytest.mark.parametrize("link_setting, verified, signed_in", [
    (False, True, False), (True, False, False), (True, True, True)])
def test_an_existing_local_account_is_taken_over_only_when_allowed_and_verified(
        instance, database_url, provider, stop_apps, link_setting, verified, signed_in):
    app = sso_app(instance, database_url, provider, OIDC_LINK_VERIFIED_EMAIL=link_setting)
    stop_apps(app)
    with app.app_context():
        db.session.add(User(email=ALICE["email"], name="Alice (lokaal)", role="medewerker"))
        db.session.commit()
    provider.add_user("alice-sub", **ALICE, email_verified=verified)
    answer = sign_in_with_client(app.test_client(), provider, "alice-sub")
    if signed_in:
        assert answer.status_code == 302
        assert user_by_email(app, ALICE["email"])["name"] == "Alice Ambtenaar"
    else:
        assert answer.status_code == 403
        assert "hoort al bij een ander Rugzak-account" in answer.get_data(as_text=True)


def test_missing_claims_are_refused(instance, database_url, provider, stop_apps):
    app = sso_app(instance, database_url, provider)
    stop_apps(app)
    provider.add_user("zonder-mail", name="Zonder Mail")
    answer = sign_in_with_client(app.test_client(), provider, "zonder-mail")
    assert answer.status_code == 403
    assert "gaf geen geldig e-mailadres door" in answer.get_data(as_text=True)


def test_a_provider_that_is_down_or_names_another_issuer_gets_a_dutch_page(
        instance, database_url, provider, stop_apps):
    down = sso_app(instance, database_url, provider, OIDC_ISSUER="http://127.0.0.1:9")
    stop_apps(down)
    answer = down.test_client().get("/inloggen/organisatie")
    assert answer.status_code == 503
    assert "is nu niet bereikbaar" in answer.get_data(as_text=True)

    provider.tamper = "discovery"
    other = sso_app(instance, database_url, provider)
    stop_apps(other)
    answer = other.test_client().get("/inloggen/organisatie")
    assert answer.status_code == 502
    assert "noemt zich anders dan Rugzak verwacht" in answer.get_data(as_text=True)
    assert refusal_counts(other) == {
        "GET /inloggen/organisatie: aanbieder niet bereikbaar: ConnectionError": 1,
        "GET /inloggen/organisatie: onbekende uitgever in de discovery": 1}


@pytest.mark.parametrize("settings, message", [
    ({"LOCAL_PASSWORDS": False}, "LOCAL_PASSWORDS=false vraagt om OIDC_ISSUER"),
    ({"OIDC_ISSUER": "https://login.example", "OIDC_CLIENT_ID": None}, "OIDC_CLIENT_ID"),
    ({"OIDC_ISSUER": "https://login.example", "OIDC_CLIENT_ID": "rugzak",
      "OIDC_ROLE_MAP": "rugzak-beheer=baas"}, "onbekende rol 'baas'"),
])
def test_settings_that_cannot_work_are_refused_at_start(instance, settings, message):
    with pytest.raises(ConfigError, match=message):
        create_app({**config_for(instance), **settings})
