"""Signing in and out in a real browser."""
import pytest
from playwright.sync_api import expect

from ..conftest import PASSWORD
from .conftest import ACCOUNTS

pytestmark = pytest.mark.browser


def test_sign_in_then_sign_out(page):
    page.goto("/ervaringen")
    expect(page).to_have_url("/inloggen?next=/ervaringen")
    page.get_by_label("E-mailadres").fill(ACCOUNTS["medewerker"].email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ervaringen")
    expect(page.get_by_role("banner")).to_contain_text(ACCOUNTS["medewerker"].name)

    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("status")).to_have_text("Je bent uitgelogd.")
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen bij Rugzak")


def test_wrong_password_is_refused_next_to_the_field(page):
    page.goto("/inloggen")
    page.get_by_label("E-mailadres").fill(ACCOUNTS["medewerker"].email)
    page.get_by_label("Wachtwoord").fill("niet het goede wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    password = page.get_by_label("Wachtwoord")
    expect(password).to_have_attribute("aria-invalid", "true")
    expect(password).to_have_accessible_description(
        "Dit e-mailadres en wachtwoord horen niet bij elkaar, of het account is niet actief.")
    expect(page.get_by_label("E-mailadres")).to_have_value(ACCOUNTS["medewerker"].email)
