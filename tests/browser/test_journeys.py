"""The journeys of issue 8 that exist so far, in Chromium against gunicorn."""
import re

import pytest
from playwright.sync_api import expect

from .journeys import record_experience, search, unique_word

pytestmark = pytest.mark.browser


def test_record_an_experience_with_every_field_and_see_it(sign_in):
    page = sign_in("medewerker")
    page.get_by_role("link", name="Ervaring vastleggen", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ervaring vastleggen")
    word = unique_word()
    page.get_by_role("textbox", name="Titel").fill(f"Warme overdracht {word}")
    page.get_by_role("textbox", name="Situatie").fill("Een jongere ging van **jeugdzorg** naar "
                                                      "de Wmo.")
    page.get_by_role("textbox", name="Taak of doel").fill("Zonder breuk in de begeleiding.")
    page.get_by_role("textbox", name="Aanpak").fill("- samen aan tafel\n- één plan")
    page.get_by_role("textbox", name="Resultaat").fill("De overdracht liep zonder wachtlijst.")
    page.get_by_role("textbox", name="Les (verplicht)").fill("Begin een half jaar eerder.")
    page.get_by_role("textbox", name="Tip voor collega's").fill("Nodig de school ook uit.")
    page.get_by_role("radio", name="Knelpunt").check()
    page.get_by_label("Datum waarop het gebeurde").fill("2025-03-14")
    page.get_by_role("group", name="Betrokken afdelingen").get_by_label(
        "Jeugd en Onderwijs").check()
    page.get_by_role("group", name="Betrokken partnerorganisaties").get_by_label(
        "Zorggroep De Brug").check()
    page.get_by_role("group", name="Verantwoordelijkheden").get_by_label(
        "Ontbrak en hinderde").check()
    page.get_by_role("group", name="Transparantie").get_by_label("Was er en hielp").check()
    page.get_by_role("group", name="Transformatiedoelen").get_by_label(
        "Van zorg naar preventie").check()
    page.get_by_role("textbox", name="Trefwoorden").fill("Wijkteam, #Overdracht")
    page.get_by_role("radio", name="Met partners").check()
    page.get_by_label("Publiceer zonder mijn naam").check()
    page.get_by_role("button", name="Publiceren").click()

    expect(page.get_by_role("status")).to_have_text(
        "Je ervaring is gepubliceerd. Dank je wel voor het delen!")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Warme overdracht {word}")
    article = page.get_by_role("article")
    expect(article.locator(".section--situation strong")).to_have_text("jeugdzorg")
    expect(article.locator(".section--approach li")).to_have_text(["samen aan tafel", "één plan"])
    for text in ("Zonder breuk in de begeleiding.", "De overdracht liep zonder wachtlijst.",
                 "Begin een half jaar eerder.", "Nodig de school ook uit.", "Knelpunt",
                 "Met partners", "gebeurd op 14 maart 2025", "Jeugd en Onderwijs",
                 "Zorggroep De Brug", "Verantwoordelijkheden: ontbrak",
                 "Transparantie: hielp", "Van zorg naar preventie", "overdracht, wijkteam",
                 "Je publiceerde dit zonder naam"):
        expect(article).to_contain_text(text)


def test_find_an_experience_through_search_and_a_facet(sign_in):
    page = sign_in("medewerker")
    word = unique_word()
    missing = record_experience(page, f"Wie doet wat {word}",
                                conditions={"Verantwoordelijkheden": "Ontbrak en hinderde"})
    helped = record_experience(page, f"Duidelijke taken {word}",
                               conditions={"Verantwoordelijkheden": "Was er en hielp"})

    search(page, word)
    expect(page.get_by_role("status")).to_have_text(
        f"2 ervaringen gevonden voor „{word}”")
    facets = page.get_by_role("complementary", name="Verfijnen")
    facets.get_by_role("link", name="Verantwoordelijkheden — ontbrak").click()
    expect(page.get_by_role("status")).to_have_text(f"1 ervaring gevonden voor „{word}”")
    results = page.get_by_role("region", name="Resultaten")
    expect(results.get_by_role("link", name=f"Wie doet wat {word}")).to_have_attribute(
        "href", f"/ervaringen/{missing}")
    expect(results.get_by_role("link", name=f"Duidelijke taken {word}")).to_have_count(0)
    expect(facets.get_by_role("link", name=re.compile("Verantwoordelijkheden — ontbrak"))
           ).to_have_attribute("aria-current", "true")

    results.get_by_role("link", name=f"Wie doet wat {word}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Wie doet wat {word}")
    assert helped != missing


def test_a_partner_does_not_find_an_intern_experience(sign_in):
    colleague = sign_in("medewerker")
    word = unique_word()
    intern = record_experience(colleague, f"Alleen voor de gemeente {word}",
                               visibility="Intern (alleen de gemeente)")
    shared = record_experience(colleague, f"Ook voor partners {word}", visibility="Met partners")
    search(colleague, word)
    expect(colleague.get_by_role("status")).to_have_text(f"2 ervaringen gevonden voor „{word}”")

    partner = sign_in("partner")
    search(partner, word)
    expect(partner.get_by_role("status")).to_have_text(f"1 ervaring gevonden voor „{word}”")
    results = partner.get_by_role("region", name="Resultaten")
    expect(results.get_by_role("link", name=f"Ook voor partners {word}")).to_have_attribute(
        "href", f"/ervaringen/{shared}")
    expect(partner.get_by_text(f"Alleen voor de gemeente {word}")).to_have_count(0)
    partner.goto(f"/ervaringen/{intern}")
    expect(partner.get_by_role("heading", level=1)).to_have_text(
        "Deze pagina bestaat niet, of je hebt er geen toegang toe.")


def test_a_stale_edit_is_refused_without_losing_text(sign_in):
    first = sign_in("medewerker")
    experience = record_experience(first, f"Twee tabbladen {unique_word()}")
    second = first.context.new_page()
    for tab in (first, second):
        tab.goto(f"/ervaringen/{experience}/bewerken")

    second.get_by_role("textbox", name="Titel").fill("Gewijzigd in het andere tabblad")
    second.get_by_role("button", name="Wijzigingen publiceren").click()
    expect(second.get_by_role("status")).to_contain_text("gepubliceerd")

    my_lesson = "Mijn zorgvuldig getypte les die niet verloren mag gaan."
    first.get_by_role("textbox", name="Les (verplicht)").fill(my_lesson)
    first.get_by_role("button", name="Wijzigingen publiceren").click()
    conflict = first.get_by_role("alert")
    expect(conflict).to_contain_text("Iemand anders heeft deze ervaring intussen gewijzigd")
    expect(conflict).to_contain_text("Gewijzigd in het andere tabblad")
    expect(first.get_by_role("textbox", name="Les (verplicht)")).to_have_value(my_lesson)

    first.get_by_role("button", name="Wijzigingen publiceren").click()
    expect(first.get_by_role("status")).to_contain_text("gepubliceerd")
    expect(first.get_by_role("article")).to_contain_text(my_lesson)
    expect(first.get_by_role("article")).to_contain_text("versie 3")
