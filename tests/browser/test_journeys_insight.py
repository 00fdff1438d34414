"""Issue 5 in the browser: the toekomstagenda followed through, and a report as PDF."""
import re
from datetime import date
from io import BytesIO

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from .conftest import ACCOUNTS
from .journeys import record_experience, search, unique_word

pytestmark = pytest.mark.browser


def test_an_agenda_item_from_an_experience_is_followed_to_gerealiseerd(sign_in):
    author = sign_in("medewerker")
    title = f"Vaste contactpersoon bij de school {unique_word()}"
    experience = record_experience(author, title, lesson="Spreek één vaste contactpersoon af.")
    agenda = author.get_by_role("region", name="Toekomstagenda")
    expect(agenda).to_contain_text("Er is nog geen agendapunt uit deze ervaring voortgekomen.")
    agenda.get_by_role("link", name="Maak agendapunt").click()

    expect(author.get_by_role("heading", level=1)).to_have_text("Nieuw agendapunt")
    expect(author.get_by_role("textbox", name="Titel")).to_have_value(title)  # from the experience
    expect(author.get_by_role("textbox", name="Ervaringen waar dit uit voortkomt")).to_have_value(
        str(experience))
    owner = ACCOUNTS["collega"]
    author.get_by_label("Eigenaar").select_option(label=f"{owner.name} (Jeugd en Onderwijs)")
    target_year = date.today().year + 2  # a target date lies at most ten years ahead
    author.get_by_label("Streefdatum").fill(f"{target_year}-06-30")
    author.get_by_role("button", name="Bewaren").click()
    expect(author.get_by_role("status")).to_have_text("Het agendapunt is bewaard.")
    expect(author.get_by_role("heading", level=1)).to_have_text(title)
    item_url = author.url
    facts = author.locator("dl.facts")
    expect(facts).to_contain_text(owner.name)
    expect(facts).to_contain_text(f"30 juni {target_year}")
    expect(author.locator("header .badge")).to_have_text("Idee")

    keeper = sign_in("collega")  # the owner updates it ...
    keeper.goto(f"/ervaringen/{experience}")
    keeper.get_by_role("region", name="Toekomstagenda").get_by_role("link", name=title).click()
    keeper.get_by_role("link", name="Bewerken").click()
    keeper.get_by_role("textbox", name="Beschrijving").fill("Elke school krijgt één naam.")
    keeper.get_by_role("radio", name="Loopt").check()
    keeper.get_by_role("button", name="Bewaren").click()
    expect(keeper.get_by_role("status")).to_have_text("Het agendapunt is bewaard.")
    expect(keeper.locator("header .badge")).to_have_text("Loopt")

    keeper.get_by_label("Wat is er gebeurd of veranderd?").fill("Alle scholen hebben een naam.")
    keeper.get_by_label("Nieuwe status").select_option(label="Gerealiseerd")
    keeper.get_by_role("button", name="Voortgang toevoegen").click()
    expect(keeper.get_by_role("status")).to_have_text("Je voortgang is toegevoegd.")
    expect(keeper.locator("header .badge")).to_have_text("Gerealiseerd")
    progress = keeper.get_by_role("region", name="Voortgang")
    expect(progress).to_contain_text("Alle scholen hebben een naam.")
    expect(progress).to_contain_text("status: Gerealiseerd")
    history = keeper.get_by_role("region", name="Elke wijziging van dit agendapunt, nieuwste eerst")
    expect(history).to_contain_text("Beschrijving")

    author.goto("/agenda")  # ... and whoever wrote it follows it there
    author.get_by_label("Status").select_option(label="Gerealiseerd")
    author.get_by_role("button", name="Toon agendapunten").click()
    card = author.get_by_role("article").filter(has_text=title)
    expect(card).to_contain_text("Gerealiseerd")
    card.get_by_role("link", name=title).click()
    expect(author).to_have_url(item_url)
    expect(author.get_by_role("region", name="Voortgang")).to_contain_text(
        "Alle scholen hebben een naam.")


def test_a_report_of_a_search_downloads_as_pdf(sign_in):
    page = sign_in("kernteam")
    word = unique_word()
    titles = [f"Wijkteam en school {word}", f"Wijkteam en huisarts {word}"]
    for title in titles:
        record_experience(page, title)
    search(page, word)
    page.get_by_role("link", name="Reflectieverslag van dit zoekresultaat").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Zoekopdracht „{word}”")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download als PDF").click()
    download = download_info.value
    assert re.fullmatch(r"reflectieverslag-zoekopdracht-\d{4}-\d\d-\d\d\.pdf",
                        download.suggested_filename)
    content = download.path().read_bytes()
    assert content.startswith(b"%PDF")
    text = "\n".join(sheet.extract_text() for sheet in PdfReader(BytesIO(content)).pages)
    for title in titles:
        assert title in text
