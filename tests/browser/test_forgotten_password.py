"""Issue 16's forgotten password in the browser: from the sign-in page to a new password, with
the mail sent by the served instance's background sender to a loopback SMTP server."""
import re

import pytest
from playwright.sync_api import expect

from ..mailserver import text_of
from ..servers import Server
from .conftest import new_context
from .helpers import assert_no_axe_violations
from .journeys import NEW_PASSWORD, sign_in_with

pytestmark = pytest.mark.browser


def test_forgotten_password_from_the_sign_in_page(browser, instance, database_url, make_user,
                                                  smtp_server):
    user = make_user(name="Vera Vergeten")
    settings = {**smtp_server.settings, "MAIL_POLL_SECONDS": 1}
    with Server(instance, database_url, workers=1, settings=settings) as server:
        context = new_context(browser, server.url)
        page = context.new_page()
        page.goto("/inloggen")
        page.get_by_role("link", name="Wachtwoord vergeten?").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Wachtwoord vergeten")
        assert_no_axe_violations(page, "wachtwoord vergeten")
        page.get_by_label("E-mailadres").fill(user.email)
        page.get_by_role("button", name="Stuur mij een link").click()
        expect(page.get_by_role("status")).to_contain_text("Hoort dit e-mailadres bij een account")

        [message] = smtp_server.wait_for(1)
        link = re.search(r"http://\S+/wachtwoord-instellen#[\w-]+", text_of(message)).group(0)
        page.goto(link)
        page.get_by_label("Nieuw wachtwoord").fill(NEW_PASSWORD)
        page.get_by_label("Herhaal het wachtwoord").fill(NEW_PASSWORD)
        page.get_by_role("button", name="Wachtwoord instellen").click()
        expect(page.get_by_role("status")).to_have_text("Je wachtwoord is ingesteld. Log nu in.")
        sign_in_with(page, user.email, NEW_PASSWORD)
        expect(page.get_by_role("heading", level=1)).to_have_text("Welkom, Vera Vergeten")
        context.close()
