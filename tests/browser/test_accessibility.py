"""WCAG 2.1 AA on every page type: axe, reflow at 320 px, screenshots, skip link, language.

Adding a page type is one line in PAGE_TYPES.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import pytest
from playwright.sync_api import expect

from .conftest import new_context, sign_in_on
from .helpers import NARROW, assert_no_axe_violations, assert_reflows, screenshot
from .journeys import record_experience, unique_word

pytestmark = pytest.mark.browser


def publish_empty_form(page) -> None:
    page.get_by_role("button", name="Publiceren").click()
    expect(page.get_by_role("alert")).to_be_visible()


def sign_in_wrongly(page) -> None:
    page.get_by_label("E-mailadres").fill("niemand@browser.example")
    page.get_by_label("Wachtwoord").fill("fout")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_label("Wachtwoord")).to_have_attribute("aria-invalid", "true")


@dataclass(frozen=True)
class PageType:
    name: str
    role: str | None  # None: not signed in
    path: str  # "{experience}" is an experience by "collega" that every other role may see
    then: Callable | None = None  # what the person does on the page before it is checked


PAGE_TYPES = [
    PageType("inloggen", None, "/inloggen"),
    PageType("inloggen-met-fout", None, "/inloggen", sign_in_wrongly),
    PageType("start", "medewerker", "/"),
    PageType("ervaringen", "medewerker", "/ervaringen?condition=transparantie"),
    PageType("ervaring", "medewerker", "/ervaringen/{experience}"),
    PageType("ervaring-van-mij", "collega", "/ervaringen/{experience}"),
    PageType("formulier", "medewerker", "/ervaringen/nieuw"),
    PageType("formulier-met-fouten", "medewerker", "/ervaringen/nieuw", publish_empty_form),
    PageType("bewerken", "collega", "/ervaringen/{experience}/bewerken"),
    PageType("zoeken-met-resultaten", "medewerker", "/zoeken?q=wijkteam"),
    PageType("zoeken-met-filter", "medewerker", "/zoeken?q=wijkteam&kind=knelpunt"),
    PageType("zoeken-zonder-resultaten", "medewerker", "/zoeken?q=qwxzyvonk"),
    PageType("zoeken-met-fout", "medewerker", '/zoeken?q="warme'),
    PageType("mijn-ervaringen", "collega", "/mijn-ervaringen"),
    PageType("fout-404", "medewerker", "/ervaringen/999999"),
    PageType("fout-403", "medewerker", "/ervaringen/{experience}/bewerken"),
    PageType("toegankelijkheid", None, "/toegankelijkheid"),
    PageType("taal", "medewerker", "/taal"),
]


@pytest.fixture(scope="module")
def showcase(browser, server) -> int:
    """An experience with every kind of content, written by "collega"."""
    context = new_context(browser, server)
    page = context.new_page()
    sign_in_on(page, "collega")
    experience = record_experience(
        page, f"Samen aan tafel met de school {unique_word()}",
        lesson="Nodig **iedereen** uit:\n\n- de school\n- het wijkteam",
        conditions={"Verantwoordelijkheden": "Ontbrak en hinderde",
                    "Transparantie": "Was er en hielp"}, visibility="Met partners")
    context.close()
    return experience


@pytest.mark.parametrize("kind", PAGE_TYPES, ids=[kind.name for kind in PAGE_TYPES])
def test_page_type_meets_wcag_and_reflows(kind: PageType, new_page, showcase):
    page = new_page()
    if kind.role:
        sign_in_on(page, kind.role)
    page.goto(kind.path.format(experience=showcase))
    if kind.then:
        kind.then(page)
    assert page.evaluate("document.documentElement.lang") in ("nl", "en")
    assert_no_axe_violations(page, kind.name)
    screenshot(page, kind.name)

    page.set_viewport_size(NARROW)
    assert_reflows(page, kind.name)
    screenshot(page, kind.name)


def test_skip_link_moves_focus_to_the_content(sign_in):
    page = sign_in("medewerker")
    page.goto("/ervaringen")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_every_page_links_to_the_accessibility_statement(sign_in):
    page = sign_in("partner")
    page.get_by_role("contentinfo").get_by_role("link", name="Toegankelijkheid").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Toegankelijkheidsverklaring")


def test_errors_are_tied_to_their_fields(sign_in):
    page = sign_in("medewerker")
    page.goto("/ervaringen/nieuw")
    page.get_by_role("textbox", name="Taak of doel").fill("Wat ik al typte")
    page.get_by_label("Datum waarop het gebeurde").fill("2999-01-01")
    publish_empty_form(page)
    expected = {"Titel": "Vul een titel in.", "Situatie": "Vul de situatie in.",
                "Les (verplicht)": "Vul de les in.",
                "Datum waarop het gebeurde": "De datum ligt in de toekomst"}
    for name, message in expected.items():
        field = page.get_by_label(name, exact=name.endswith(")"))
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_accessible_description(re.compile(message))
    summary = page.get_by_role("alert")
    summary.get_by_role("link", name="Titel: Vul een titel in.").click()
    expect(page.get_by_role("textbox", name="Titel")).to_be_focused()
    expect(page.get_by_role("textbox", name="Taak of doel")).to_have_value("Wat ik al typte")
