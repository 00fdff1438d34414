"""Signing in with the organisation account in a real browser: Rugzak served by gunicorn with
OpenID Connect settings, the provider a real one on loopback (tests/oidc_provider.py)."""
import re

import pytest
from playwright.sync_api import expect

from ..oidc_provider import running_provider
from ..servers import Server
from .conftest import new_context
from .helpers import assert_no_axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def provider():
    with running_provider() as running:
        yield running


@pytest.fixture
def served(app, instance, database_url, provider):
    with Server(instance, database_url, workers=1, settings=provider.settings()) as server:
        yield server


def test_sign_in_through_the_provider_with_mapped_role_and_department_then_sign_out(
        browser, served, provider):
    provider.add_user("kim-sub", email="kim@gemeente.example", name="Kim Kernteam",
                      groups=["rugzak-kernteam"], department="zorg-en-welzijn-wmo")
    context = new_context(browser, served.url)
    page = context.new_page()
    try:
        page.goto("/ervaringen")
        assert_no_axe_violations(page, "the sign-in page with the organisation account")
        page.get_by_role("link", name="Inloggen met je organisatieaccount").click()
        expect(page).to_have_url(re.compile(re.escape(f"{provider.url}/oauth2/authorize?")))
        page.get_by_placeholder("sub").fill("kim-sub")
        page.get_by_role("button", name="Authorize").click()

        expect(page.get_by_role("heading", level=1)).to_have_text("Ervaringen")
        expect(page.get_by_role("banner")).to_contain_text("Kim Kernteam (Kernteam)")
        page.goto("/account")
        expect(page.get_by_role("main")).to_contain_text("Zorg en Welzijn (Wmo)")
        assert_no_axe_violations(page, "the account page after the organisation sign-in")

        page.get_by_role("button", name="Uitloggen").click()
        expect(page).to_have_url(re.compile(re.escape(f"{provider.url}/oauth2/end_session?")))
        page.get_by_role("button", name="End session").click()
        expect(page.get_by_role("status")).to_have_text("Je bent uitgelogd.")
        page.goto("/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen bij Rugzak")
    finally:
        context.close()
