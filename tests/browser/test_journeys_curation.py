"""Issue 4 in the browser: highlights, bundles, hiding, herkenbaar and comments."""
import re

import pytest
from playwright.sync_api import expect

from .conftest import ACCOUNTS
from .journeys import record_experience, search, unique_word

pytestmark = pytest.mark.browser


def named(action: str, title: str) -> re.Pattern:
    """A button or link named "<action>: <title>" (the title visually hidden)."""
    return re.compile(rf"^{action}\s*: {re.escape(title)}$")


def expect_bundle_order(page, titles: list[str]) -> None:
    expect(page.locator("ol.bundle-items > li .card__title")).to_have_text(titles)


def test_a_highlighted_experience_leads_the_home_page(sign_in):
    author = sign_in("collega")
    title = f"Eén plan voor het hele gezin {unique_word()}"
    experience = record_experience(author, title)

    curator = sign_in("kernteam")
    curator.goto(f"/ervaringen/{experience}")
    curator.get_by_role("group", name="Kernteam").get_by_role("link", name="Uitlichten").click()
    curator.get_by_label("Waarom doet deze ervaring ertoe?").fill(
        "Laat zien hoe één plan dubbel werk voorkomt.")
    curator.get_by_role("button", name="Uitlichten").click()
    expect(curator.get_by_role("status")).to_have_text("De ervaring is uitgelicht.")
    expect(curator.get_by_role("note")).to_contain_text("Uitgelicht door het kernteam")

    reader = sign_in("medewerker")  # the home page after signing in
    highlights = reader.get_by_role("region", name="Uitgelicht door het kernteam")
    first = highlights.get_by_role("article").first
    expect(first.get_by_role("link")).to_have_text(title)
    expect(first).to_contain_text("Waarom: Laat zien hoe één plan dubbel werk voorkomt.")
    first.get_by_role("link", name=title).click()
    expect(reader).to_have_url(re.compile(f"/ervaringen/{experience}$"))


def test_a_bundle_is_built_from_search_results_and_reordered(sign_in):
    author = sign_in("collega")
    word = unique_word()
    titles = [f"{part} {word}" for part in ("Aanmelden", "Overdragen", "Evalueren")]
    for title in titles:
        record_experience(author, title)

    curator = sign_in("kernteam")
    curator.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Bundels").click()
    curator.get_by_role("link", name="Nieuwe bundel").click()
    bundle = f"Reflectiebijeenkomst {word}"
    curator.get_by_role("textbox", name="Titel").fill(bundle)
    curator.get_by_role("textbox", name="Inleiding").fill("Lees **vooraf** de drie ervaringen.")
    curator.get_by_role("button", name="Bundel bewaren").click()
    expect(curator.get_by_role("heading", level=1)).to_have_text(bundle)

    search(curator, word)
    results = curator.get_by_role("region", name="Resultaten")
    for title in titles:
        card = results.get_by_role("article").filter(has_text=title)
        card.get_by_label(f"Aan bundel toevoegen: {title}").select_option(label=bundle)
        card.get_by_role("button", name="Toevoegen").click()
        expect(curator.get_by_role("status").first).to_have_text(
            f"„{title}” staat nu in de bundel „{bundle}”.")
        expect(curator).to_have_url(re.compile(r"/zoeken\?q="))  # back at the results

    curator.goto("/bundels")
    curator.get_by_role("link", name=bundle).click()
    expect(curator.locator(".bundle-intro strong")).to_have_text("vooraf")
    expect_bundle_order(curator, titles)
    curator.get_by_role("button", name=named("Omhoog", titles[2])).click()
    expect_bundle_order(curator, [titles[0], titles[2], titles[1]])
    curator.get_by_role("button", name=named("Omlaag", titles[0])).click()
    expect_bundle_order(curator, [titles[2], titles[0], titles[1]])

    reader = sign_in("medewerker")
    reader.goto("/bundels")
    reader.get_by_role("link", name=bundle).click()
    expect_bundle_order(reader, [titles[2], titles[0], titles[1]])
    expect(reader.get_by_role("button", name=re.compile("Omhoog|Omlaag"))).to_have_count(0)


def test_a_hidden_experience_leaves_search_for_a_medewerker(sign_in):
    author = sign_in("collega")
    word = unique_word()
    title = f"Naam van een inwoner genoemd {word}"
    experience = record_experience(author, title)
    reader = sign_in("medewerker")
    search(reader, word)
    expect(reader.get_by_role("status")).to_have_text(f"1 ervaring gevonden voor „{word}”")

    curator = sign_in("kernteam")
    curator.goto(f"/ervaringen/{experience}")
    curator.get_by_role("group", name="Kernteam").get_by_role("link", name="Verbergen").click()
    curator.get_by_label("Reden om te verbergen").fill("Er staat een naam van een inwoner in.")
    curator.get_by_role("button", name="Verbergen").click()
    expect(curator.get_by_role("status")).to_contain_text("De ervaring is verborgen.")

    search(reader, word)
    expect(reader.get_by_role("status")).to_have_text(f"0 ervaringen gevonden voor „{word}”")
    expect(reader.get_by_text(title)).to_have_count(0)
    reader.goto(f"/ervaringen/{experience}")
    expect(reader.get_by_role("heading", level=1)).to_have_text(
        "Deze pagina bestaat niet, of je hebt er geen toegang toe.")

    author.reload()  # the author still sees it, with the reason
    expect(author.get_by_role("note")).to_contain_text("Er staat een naam van een inwoner in.")


def test_a_medewerker_recognises_and_comments(sign_in):
    author = sign_in("collega")
    title = f"Samen op huisbezoek {unique_word()}"
    experience = record_experience(author, title)

    reader = sign_in("medewerker")
    reader.goto(f"/ervaringen/{experience}")
    expect(reader.get_by_text("0 collega’s vinden dit herkenbaar")).to_be_visible()
    reader.get_by_role("button", name="Herkenbaar").click()
    expect(reader.get_by_text("1 collega vindt dit herkenbaar")).to_be_visible()
    expect(reader.get_by_role("button", name=re.compile("^Herkenbaar"))).to_have_attribute(
        "aria-pressed", "true")

    comments = reader.get_by_role("region", name=re.compile("^Meedenken"))
    comments.get_by_label("Jouw reactie").fill("Wij doen dit ook, met **vaste koppels**.")
    comments.get_by_role("button", name="Reactie plaatsen").click()
    comment = reader.get_by_role("article").filter(has_text=ACCOUNTS["medewerker"].name)
    expect(comment.locator(".comment__body strong")).to_have_text("vaste koppels")
    expect(reader.get_by_role("heading", name=re.compile("^Meedenken"))).to_contain_text("(1)")

    author.goto("/")  # the author hears about both
    news = author.get_by_role("region", name="Bij jouw ervaringen sinds je vorige bezoek")
    medewerker = ACCOUNTS["medewerker"].name
    expect(news.get_by_role("listitem").filter(has_text=f"{medewerker} vond herkenbaar")
           ).to_contain_text(title)
    expect(news.get_by_role("listitem").filter(has_text=f"{medewerker} reageerde op")
           ).to_contain_text(title)
