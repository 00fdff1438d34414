"""Record an experience and search for it without a mouse, with the focus always visible.

Only Tab, Enter, Space and typing are used, plus the arrow keys inside a radio group (which is
how a radio group is operated: Tab enters the group, the arrows choose).
"""
import re

import pytest
from playwright.sync_api import expect

from .helpers import assert_focus_visible
from .journeys import unique_word

pytestmark = pytest.mark.browser
MAX_TABS = 120


def tab_to(page, selector: str) -> None:
    """Press Tab until the element matching `selector` has focus, checking every stop (once
    the page has loaded: before its stylesheet has, no focus style can show)."""
    page.wait_for_load_state()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        assert_focus_visible(page)
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} cannot be reached with Tab on {page.url}")


def type_into(page, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.type(text)


def test_record_and_find_an_experience_with_the_keyboard_only(sign_in):
    page = sign_in("medewerker")
    word = unique_word()
    tab_to(page, "nav a[href='/ervaringen/nieuw']")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ervaring vastleggen")

    type_into(page, "#title", f"Met het toetsenbord {word}")
    type_into(page, "#situation", "Een overleg met de school, helemaal zonder muis.")
    type_into(page, "#lesson", "Alles is met Tab, Enter en Spatie te bereiken.")
    tab_to(page, "input[name=kind]:checked")
    page.keyboard.press("ArrowRight")  # from Les to Vraag
    type_into(page, "#occurred_on", "2025-03-14")
    tab_to(page, "input[name=departments][value=jeugd-en-onderwijs]")
    page.keyboard.press("Space")
    tab_to(page, "fieldset.condition:nth-of-type(2) input:checked")  # Verantwoordelijkheden
    page.keyboard.press("ArrowRight")  # from "niet van toepassing" to "was er en hielp"
    type_into(page, "#tags", "toetsenbord")
    tab_to(page, "button[name=publish]")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text(f"Met het toetsenbord {word}")
    article = page.get_by_role("article")
    for text in ("Vraag", "14 maart 2025", "Jeugd en Onderwijs", "Verantwoordelijkheden: hielp",
                 "toetsenbord"):
        expect(article).to_contain_text(text)

    tab_to(page, "#kop-zoek")
    page.keyboard.type(word)
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text(f"1 ervaring gevonden voor „{word}”")
    tab_to(page, ".card__title a")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/ervaringen/\d+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Met het toetsenbord {word}")


def test_the_form_with_errors_is_usable_with_the_keyboard(sign_in):
    page = sign_in("medewerker")
    page.goto("/ervaringen/nieuw")
    tab_to(page, "button[name=publish]")
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Je ervaring is nog niet bewaard")
    tab_to(page, ".utrecht-alert--error a[href='#situation']")
    page.keyboard.press("Enter")
    expect(page.locator("#situation")).to_be_focused()
    page.keyboard.type("Nu wel ingevuld.")
    expect(page.locator("#situation")).to_have_value("Nu wel ingevuld.")
