"""Issue 4's user administration in the browser: a one-time link, and deactivation."""
import re

import pytest
from playwright.sync_api import expect

from .journeys import (
    NEW_PASSWORD,
    create_user,
    sign_in_with,
    start_as_new_user,
    unique_word,
)

pytestmark = pytest.mark.browser


def test_a_new_users_one_time_link_works_once(sign_in, new_page):
    admin = sign_in("beheerder")
    name = f"Nina Nieuw {unique_word()}"
    email = f"{unique_word()}@browser.example"
    link = create_user(admin, name, email, role="Kernteam", department="Jeugd en Onderwijs")
    expect(admin.get_by_role("heading", level=1)).to_have_text(f"{name} is aangemaakt")
    assert re.search(r"/wachtwoord-instellen#[\w-]{20,}$", link), link

    newcomer = new_page()
    newcomer.goto(link)
    expect(newcomer.get_by_role("heading", level=1)).to_have_text("Wachtwoord instellen")
    newcomer.get_by_label("Nieuw wachtwoord").fill(NEW_PASSWORD)
    newcomer.get_by_label("Herhaal het wachtwoord").fill(NEW_PASSWORD + " anders")
    newcomer.get_by_role("button", name="Wachtwoord instellen").click()
    expect(newcomer.get_by_label("Herhaal het wachtwoord")).to_have_attribute(
        "aria-invalid", "true")
    newcomer.get_by_label("Nieuw wachtwoord").fill(NEW_PASSWORD)
    newcomer.get_by_label("Herhaal het wachtwoord").fill(NEW_PASSWORD)
    newcomer.get_by_role("button", name="Wachtwoord instellen").click()
    expect(newcomer.get_by_role("status")).to_have_text("Je wachtwoord is ingesteld. Log nu in.")

    sign_in_with(newcomer, email, NEW_PASSWORD)
    expect(newcomer.get_by_role("heading", level=1)).to_have_text(f"Welkom, {name}")
    expect(newcomer.get_by_role("banner")).to_contain_text("(Kernteam)")

    again = new_page()
    again.goto(link)
    expect(again.get_by_label("Code uit je link")).to_be_hidden()  # filled from the link
    assert "#" not in again.url  # and out of the address bar
    again.get_by_label("Nieuw wachtwoord").fill(NEW_PASSWORD)
    again.get_by_label("Herhaal het wachtwoord").fill(NEW_PASSWORD)
    again.get_by_role("button", name="Wachtwoord instellen").click()
    expect(again.get_by_role("heading", level=1)).to_have_text("Deze link werkt niet (meer)")


def test_a_deactivated_users_open_session_stops_working(sign_in, new_page):
    admin = sign_in("beheerder")
    name = f"Dirk Deactiveren {unique_word()}"
    email = f"{unique_word()}@browser.example"
    person = new_page()
    start_as_new_user(person, create_user(admin, name, email), email)
    expect(person.get_by_role("heading", level=1)).to_have_text(f"Welkom, {name}")

    admin.get_by_role("link", name=f"Naar {name}").click()
    admin.get_by_role("button", name="Deactiveren en overal uitloggen").click()
    expect(admin.get_by_role("status")).to_have_text(
        f"{name} is gedeactiveerd en overal uitgelogd.")

    person.goto("/ervaringen")
    expect(person).to_have_url(re.compile(r"/inloggen"))
    sign_in_with(person, email, NEW_PASSWORD)
    expect(person.get_by_label("Wachtwoord")).to_have_attribute("aria-invalid", "true")
