"""Issue 19 in the browser: an Intervisie session from planning to its summary PDF."""
import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from .conftest import ACCOUNTS
from .helpers import assert_no_axe_violations
from .journeys import record_experience, unique_word

pytestmark = pytest.mark.browser

CONDITION = "Gezamenlijk doel en visie"


def person(role: str) -> re.Pattern:
    """A person's option or checkbox: "Name (organisation)"."""
    return re.compile(rf"^{re.escape(ACCOUNTS[role].name)} \(")


def named(action: str, title: str) -> re.Pattern:
    """A button named "<action>: <title>" (the title visually hidden)."""
    return re.compile(rf"^{action}\s*: {re.escape(title)}$")


def make_bundle(curator, title: str, experiences: list[int]) -> None:
    curator.goto("/bundels/nieuw")
    curator.get_by_role("textbox", name="Titel").fill(title)
    curator.get_by_role("radio", name="Met partners").check()
    curator.get_by_role("button", name="Bundel bewaren").click()
    for experience in experiences:
        curator.goto(f"/bundels/toevoegen/{experience}")
        curator.get_by_label(re.compile("^Bundel")).select_option(label=title)
        curator.get_by_role("button", name="Toevoegen").click()


def score(page, session: int, value: str) -> None:
    page.goto(f"/reflectie/{session}")
    page.get_by_role("group", name=f"Jouw score voor {CONDITION}").get_by_label(value).check()
    page.get_by_role("button", name=named("Score geven", CONDITION)).click()
    expect(page.get_by_role("status")).to_have_text("Dank je; je score is anoniem geteld.")


def test_an_intervisie_session_from_plan_to_summary_pdf(sign_in):
    word = unique_word()
    author = sign_in("collega")
    shared = f"Samen met UWV aan tafel {word}"
    internal = f"Interne knoop {word}"
    ids = [record_experience(author, shared, visibility="Met partners"),
           record_experience(author, internal, visibility="Intern (alleen de gemeente)")]
    curator = sign_in("kernteam")
    bundle = f"Intervisie-bundel {word}"
    make_bundle(curator, bundle, ids)

    curator.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Reflectie").click()
    curator.get_by_role("link", name="Sessie plannen").click()
    title = f"Intervisie {word}"
    curator.get_by_role("textbox", name=re.compile("^Titel")).fill(title)
    curator.get_by_role("textbox", name=re.compile("^Datum")).fill("2030-03-14")
    curator.get_by_role("textbox", name=re.compile("^Plaats")).fill("Stadhuis, zaal 2")
    curator.get_by_role("radio", name="Intervisie").check()
    curator.get_by_label(re.compile("^Gespreksleider")).select_option(
        label=f"{ACCOUNTS['kernteam'].name} (Zorg en Welzijn (Wmo))")
    for role in ("partner", "medewerker", "collega"):
        curator.get_by_role("checkbox", name=person(role)).check()
    curator.get_by_role("radio", name="Een bundel").check()
    curator.get_by_label("Bundel", exact=True).select_option(label=bundle)
    assert_no_axe_violations(curator, "the plan form")
    curator.get_by_role("button", name="Sessie plannen").click()
    expect(curator.get_by_role("heading", level=1)).to_have_text(title)
    session = int(re.search(r"/reflectie/(\d+)$", curator.url).group(1))

    partner = sign_in("partner")
    partner.get_by_role("link", name=title).click()  # the invitation on the home page
    expect(partner.get_by_role("heading", level=1)).to_have_text(title)
    expect(partner.locator("main")).to_contain_text(shared)
    expect(partner.locator("main")).not_to_contain_text(internal)

    colleague = sign_in("medewerker")
    colleague.goto("/reflectie")
    colleague.get_by_role("region", name="Mijn reflectiesessies").get_by_role(
        "link", name=title).click()
    expect(colleague.get_by_role("heading", level=1)).to_have_text(title)
    colleague.get_by_role("button", name=named("Wil ik bespreken", shared)).click()
    expect(colleague.get_by_role("status")).to_have_text("Gemarkeerd: wil ik bespreken.")
    assert_no_axe_violations(colleague, "the session page")

    curator.goto(f"/reflectie/{session}")
    curator.get_by_role("link", name="Sessie leiden").click()
    expect(curator.get_by_role("heading", level=1)).to_have_text(shared)
    expect(curator.locator("main")).to_contain_text("1 deelnemer wil dit bespreken")
    expect(curator.locator("main")).to_contain_text("Wat herkennen we?")
    expect(curator.get_by_role("navigation", name="Hoofdmenu")).to_have_count(0)
    expect(curator.get_by_role("link", name="Volgende")).to_have_attribute("accesskey", "n")
    assert_no_axe_violations(curator, "the run view")
    curator.get_by_role("group", name="Soort").get_by_label("Inzicht").check()
    curator.get_by_role("textbox", name=re.compile("^Notitie of inzicht")).fill(
        f"Eén regisseur per gezin werkt {word}")
    curator.get_by_role("button", name="Bewaren").click()
    expect(curator.get_by_role("status")).to_have_text("Bewaard.")
    decision = f"Vaste regisseur per gezin {word}"
    curator.get_by_role("textbox", name=re.compile("^Besluit")).fill(decision)
    curator.get_by_label(re.compile("^Eigenaar")).select_option(
        label=f"{ACCOUNTS['medewerker'].name} (Werk en Inkomen)")
    curator.get_by_role("textbox", name="Streefdatum").fill("2030-06-30")
    curator.get_by_role("button", name="Op de agenda zetten").click()
    expect(curator.get_by_role("status")).to_have_text(
        f"Het besluit staat op de agenda: „{decision}”.")

    voters = [partner, colleague, sign_in("collega")]
    for number, (voter, value) in enumerate(zip(voters, ("3", "4", "5"), strict=True), 1):
        score(voter, session, value)
        card = voter.locator(".card").filter(has_text=f"Jouw score voor {CONDITION}").or_(
            voter.locator(".card").filter(has_text="Je hebt je score gegeven.").filter(
                has_text=CONDITION)).first
        if number < 3:
            expect(card).to_contain_text("de uitkomst verschijnt vanaf 3 antwoorden")
        else:
            expect(card).to_contain_text("3 antwoorden, gemiddeld 4")

    curator.goto(f"/reflectie/{session}/leiden?stap=99")
    curator.get_by_role("button", name="Sessie afsluiten").click()
    expect(curator.get_by_role("heading", level=1)).to_contain_text(title)
    assert_no_axe_violations(curator, "the summary")
    partner.goto(f"/reflectie/{session}/verslag")
    expect(partner.locator("main")).to_contain_text(decision)
    expect(partner.locator("main")).not_to_contain_text(internal)
    with partner.expect_download() as download:
        partner.get_by_role("link", name="Download als PDF").click()
    reader = PdfReader(io.BytesIO(open(download.value.path(), "rb").read()))
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    for expected in (f"Eén regisseur per gezin werkt {word}", decision,
                     ACCOUNTS["medewerker"].name, shared):
        assert expected in text, expected
    assert internal not in text
