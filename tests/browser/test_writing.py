"""Plain-language help on the experience form: the button without JavaScript, the live script
with it, and axe on the form with advice shown."""
import re

import pytest
from playwright.sync_api import expect

from .helpers import assert_no_axe_violations
from .journeys import unique_word

pytestmark = pytest.mark.browser

OFFICIAL = "Teneinde dubbel werk te voorkomen, spreken wij middels een vast overleg af."
ADVICE = "Ambtelijk: “teneinde”. Schrijf liever: om."


def test_the_button_gives_advice_without_the_script(sign_in):
    page = sign_in("medewerker")
    page.route("**/static/writing.js", lambda route: route.abort())  # as if scripts are off
    page.goto("/ervaringen/nieuw")
    title = f"Leesbaar {unique_word()}"
    page.get_by_role("textbox", name="Titel").fill(title)
    lesson = page.get_by_role("textbox", name="Les (verplicht)")
    lesson.fill(OFFICIAL)
    page.get_by_role("button", name="Controleer de leesbaarheid").click()

    expect(page.get_by_role("status")).to_contain_text("Er is nog niets bewaard.")
    expect(page.locator("#lesson-advies")).to_contain_text(ADVICE)
    expect(lesson).to_have_value(OFFICIAL)
    expect(lesson).to_have_accessible_description(re.compile(re.escape(ADVICE)))
    expect(page.get_by_role("textbox", name="Titel")).to_have_value(title)
    assert_no_axe_violations(page, "the experience form with readability advice")
    page.goto("/mijn-ervaringen")
    expect(page.get_by_text(title)).to_have_count(0)


def test_the_live_script_updates_the_advice_while_typing(sign_in):
    page = sign_in("medewerker")
    page.goto("/ervaringen/nieuw")
    region = page.locator("#lesson-advies")
    expect(region).to_have_attribute("aria-live", "polite")
    page.get_by_role("textbox", name="Les (verplicht)").press_sequentially(OFFICIAL, delay=5)
    expect(region).to_contain_text(ADVICE)
    expect(region).to_contain_text("Ambtelijk: “middels”. Schrijf liever: met, door.")
    expect(page.locator("#situation-advies")).to_be_empty()
    assert_no_axe_violations(page, "the experience form with live readability advice")
