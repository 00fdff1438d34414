"""WCAG 2.1 AA on every page type: axe, reflow at 320 px, screenshots, skip link, language.

Adding a page type is one line in PAGE_TYPES.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import pytest
from playwright.sync_api import expect

from .conftest import ACCOUNTS, new_context, sign_in_on
from .helpers import (
    NARROW,
    PHONE,
    assert_no_axe_violations,
    assert_reflows,
    screenshot,
    watch_scripts,
)
from .journeys import (
    BSN,
    DEMO_AGENDA_ITEM,
    DEMO_BUNDLE,
    confirm_and_publish,
    create_user,
    delete_experience,
    edit_experience,
    fill_required_fields,
    record_experience,
    sign_out,
    unique_word,
)

pytestmark = pytest.mark.browser


def publish_empty_form(page) -> None:
    page.get_by_role("button", name="Publiceren").click()
    expect(page.get_by_role("alert")).to_be_visible()


def sign_in_wrongly(page) -> None:
    page.get_by_label("E-mailadres").fill("niemand@browser.example")
    page.get_by_label("Wachtwoord").fill("fout")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_label("Wachtwoord")).to_have_attribute("aria-invalid", "true")


def follow(*names: str) -> Callable:
    """Click the links with these names in turn (for pages reached through another page)."""
    def click(page) -> None:
        for name in names:
            page.get_by_role("main").get_by_role("link", name=name, exact=True).first.click()
            page.wait_for_load_state()
    return click


def publish_with_a_bsn(page) -> None:
    fill_required_fields(page, f"Een BSN in de les {unique_word()}",
                         lesson=f"Het BSN {BSN} ging per mail mee.")
    page.get_by_role("button", name="Publiceren").click()
    expect(page.get_by_role("heading", name="Staan hier gegevens van inwoners in?")).to_be_visible()


def change_password_wrongly(page) -> None:
    page.get_by_label("Huidig wachtwoord").fill("niet mijn wachtwoord")
    page.get_by_role("button", name="Wachtwoord wijzigen").click()
    expect(page.get_by_label("Huidig wachtwoord")).to_have_attribute("aria-invalid", "true")


def open_a_new_users_link(page) -> None:
    link = create_user(page, f"Nieuwe Collega {unique_word()}")
    sign_out(page)
    page.goto(link)


@dataclass(frozen=True)
class PageType:
    name: str
    role: str | None  # None: not signed in
    path: str  # "{experience}": by "collega", seen by every other role; "{...}": see showcase
    then: Callable | None = None  # what the person does on the page before it is checked


PAGE_TYPES = [
    PageType("inloggen", None, "/inloggen"),
    PageType("inloggen-met-fout", None, "/inloggen", sign_in_wrongly),
    PageType("start", "medewerker", "/"),
    PageType("start-kernteam", "kernteam", "/"),
    PageType("ervaringen", "medewerker", "/ervaringen?condition=transparantie"),
    PageType("ervaring", "medewerker", "/ervaringen/{experience}"),
    PageType("ervaring-van-mij", "collega", "/ervaringen/{experience}"),
    PageType("ervaring-kernteam", "kernteam", "/ervaringen/{experience}"),
    PageType("formulier", "medewerker", "/ervaringen/nieuw"),
    PageType("formulier-met-fouten", "medewerker", "/ervaringen/nieuw", publish_empty_form),
    PageType("formulier-met-privacymelding", "medewerker", "/ervaringen/nieuw",
             publish_with_a_bsn),
    PageType("bewerken", "collega", "/ervaringen/{experience}/bewerken"),
    PageType("uitlichten", "kernteam", "/ervaringen/{experience}/uitlichten"),
    PageType("verbergen", "kernteam", "/ervaringen/{experience}/verbergen"),
    PageType("verwijderen", "collega", "/ervaringen/{experience}/verwijderen"),
    PageType("geschiedenis", "collega", "/ervaringen/{experience}/geschiedenis"),
    PageType("versies-vergelijken", "collega",
             "/ervaringen/{experience}/geschiedenis/vergelijken?van=1&naar=2"),
    PageType("zoeken-met-resultaten", "medewerker", "/zoeken?q=wijkteam"),
    PageType("zoeken-kernteam", "kernteam", "/zoeken?q=wijkteam"),
    PageType("zoeken-met-filter", "medewerker", "/zoeken?q=wijkteam&kind=knelpunt"),
    PageType("zoeken-zonder-resultaten", "medewerker", "/zoeken?q=qwxzyvonk"),
    PageType("zoeken-met-fout", "medewerker", '/zoeken?q="warme'),
    PageType("mijn-ervaringen", "collega", "/mijn-ervaringen"),
    PageType("bundels", "medewerker", "/bundels"),
    PageType("bundel", "medewerker", "/bundels", follow(DEMO_BUNDLE)),
    PageType("bundel-kernteam", "kernteam", "/bundels", follow(DEMO_BUNDLE)),
    PageType("bundel-nieuw", "kernteam", "/bundels/nieuw"),
    PageType("inzicht", "kernteam", "/inzicht"),
    PageType("inzicht-partner", "partner", "/inzicht"),
    PageType("verslag", "kernteam", "/zoeken?q=wijkteam",
             follow("Reflectieverslag van dit zoekresultaat")),
    PageType("agenda", "medewerker", "/agenda"),
    PageType("agendapunt", "medewerker", "/agenda", follow(DEMO_AGENDA_ITEM)),
    PageType("agendapunt-nieuw", "medewerker", "/agenda/nieuw?ervaring={experience}"),
    PageType("beheer", "kernteam", "/beheer"),
    PageType("beheer-beheerder", "beheerder", "/beheer"),
    PageType("gebruikers", "beheerder", "/beheer/gebruikers"),
    PageType("gebruiker-nieuw", "beheerder", "/beheer/gebruikers/nieuw"),
    PageType("gebruiker", "beheerder", "/beheer/gebruikers", follow(ACCOUNTS["collega"].name)),
    PageType("gebruiker-wissen", "beheerder", "/beheer/gebruikers",
             follow(ACCOUNTS["collega"].name, "Gebruiker wissen")),
    PageType("wachtwoord-instellen", "beheerder", "/beheer/gebruikers/nieuw",
             open_a_new_users_link),
    PageType("taxonomie", "kernteam", "/beheer/taxonomie"),
    PageType("trefwoorden", "kernteam", "/beheer/trefwoorden"),
    PageType("randvoorwaarden", "kernteam", "/beheer/randvoorwaarden"),
    PageType("uitleg", "partner", "/uitleg"),
    PageType("account", "medewerker", "/account"),
    PageType("wachtwoord-wijzigen", "medewerker", "/account/wachtwoord"),
    PageType("wachtwoord-wijzigen-met-fout", "medewerker", "/account/wachtwoord",
             change_password_wrongly),
    PageType("privacymeldingen", "kernteam", "/privacy-meldingen"),
    PageType("prullenbak", "kernteam", "/prullenbak"),
    PageType("synoniemen", "kernteam", "/beheer/synoniemen?woord=mantelzorgwoning"),
    PageType("auditlog", "beheerder", "/beheer/audit"),
    PageType("datumcontrole", "beheerder", "/beheer/datums"),
    PageType("fout-404", "medewerker", "/ervaringen/999999"),
    PageType("fout-403", "medewerker", "/ervaringen/{experience}/bewerken"),
    PageType("toegankelijkheid", None, "/toegankelijkheid"),
    PageType("toegankelijkheid-ingelogd", "partner", "/toegankelijkheid"),
    PageType("taal", "medewerker", "/taal"),
    PageType("snel-vastleggen", "medewerker", "/ervaringen/snel"),
    PageType("meldingen", "medewerker", "/meldingen"),
    PageType("volgen", "medewerker", "/meldingen/volgen"),
    PageType("tweestapsverificatie", "medewerker", "/account/tweestapsverificatie"),
    PageType("reflectie", "kernteam", "/reflectie"),
    PageType("reflectie-nieuw", "kernteam", "/reflectie/nieuw"),
    PageType("reflectie-formats", "kernteam", "/reflectie/formats"),
    PageType("openbaar-delen-geweigerd", "kernteam", "/ervaringen/{experience}/openbaar"),
    PageType("open", None, "/open"),
    PageType("bronnen", "beheerder", "/beheer/bronnen"),
    PageType("andere-gemeenten", "medewerker", "/andere-gemeenten"),
    PageType("overdracht", "beheerder", "/beheer/overdracht"),
]


@pytest.fixture(scope="module")
def showcase(browser, server) -> dict[str, int]:
    """What the page types show, made by "collega": an experience with every kind of content
    and two versions, one with a confirmed BSN finding, one in the bin."""
    context = new_context(browser, server)
    page = context.new_page()
    sign_in_on(page, "collega")
    experience = record_experience(
        page, f"Samen aan tafel met de school {unique_word()}",
        lesson="Nodig **iedereen** uit:\n\n- de school\n- het wijkteam",
        conditions={"Verantwoordelijkheden": "Ontbrak en hinderde",
                    "Transparantie": "Was er en hielp"}, visibility="Met partners")
    edit_experience(page, experience, {
        "Les (verplicht)": "Nodig **iedereen** uit:\n\n- de school\n- het wijkteam\n- de huisarts"})
    publish_with_a_bsn(page)
    confirm_and_publish(page)
    delete_experience(page, record_experience(page, f"Weggegooid {unique_word()}"))
    context.close()
    return {"experience": experience}


@pytest.mark.parametrize("kind", PAGE_TYPES, ids=[kind.name for kind in PAGE_TYPES])
def test_page_type_meets_wcag_and_reflows(kind: PageType, new_page, showcase):
    page = new_page()
    trouble = watch_scripts(page)
    if kind.role:
        sign_in_on(page, kind.role)
    page.goto(kind.path.format(**showcase))
    if kind.then:
        kind.then(page)
    assert page.evaluate("document.documentElement.lang") in ("nl", "en")
    assert_no_axe_violations(page, kind.name)
    screenshot(page, kind.name)

    page.set_viewport_size(NARROW)
    assert_reflows(page, kind.name)
    assert_no_axe_violations(page, f"{kind.name} at {NARROW['width']} px")
    screenshot(page, kind.name)
    assert not trouble, f"{kind.name}: " + "\n".join(trouble)


def test_on_a_phone_the_menu_folds_and_the_first_result_is_in_the_first_screen(new_page):
    page = new_page(viewport=PHONE)
    sign_in_on(page, "medewerker")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(menu).to_be_hidden()
    page.get_by_text("Menu", exact=True).click()
    expect(menu.get_by_role("link", name="Bundels")).to_be_visible()
    page.goto("/zoeken?q=wijkteam")
    first = page.get_by_role("main").get_by_role("article").first.get_by_role("link").first
    expect(first).to_be_in_viewport()
    refine = page.get_by_role("heading", name="Verfijnen")
    assert refine.bounding_box()["y"] > first.bounding_box()["y"]
    facet = page.get_by_role("link", name="Jeugd en Onderwijs", exact=True)
    expect(facet).to_be_hidden()
    refine.click()
    expect(facet).to_be_visible()


def test_on_a_wide_screen_menu_and_filters_are_open_without_a_click(sign_in):
    page = sign_in("medewerker")
    page.goto("/zoeken?q=wijkteam")
    expect(page.get_by_text("Menu", exact=True)).to_be_hidden()
    expect(page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Bundels")).to_be_visible()
    expect(page.get_by_role("link", name="Jeugd en Onderwijs", exact=True)).to_be_visible()


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
