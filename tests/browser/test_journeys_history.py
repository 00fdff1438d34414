"""Issue 6 in the browser: versions compared and restored, the bin, and the audit log."""
import re

import pytest
from playwright.sync_api import expect

from .journeys import (
    delete_experience,
    edit_experience,
    open_beheer_task,
    record_experience,
    search,
    unique_word,
)

pytestmark = pytest.mark.browser
LESSONS = ["Bel eerst de school.", "Bel eerst de ouders.", "Bel eerst de huisarts.",
           "Bel eerst het wijkteam."]


def test_three_edits_give_versions_that_are_compared_and_restored(sign_in):
    page = sign_in("collega")
    title = f"Wie belt wie {unique_word()}"
    experience = record_experience(page, title, lesson=LESSONS[0])
    for lesson in LESSONS[1:]:
        edit_experience(page, experience, {"Les (verplicht)": lesson})

    page.get_by_role("link", name="Geschiedenis: alle versies bekijken en vergelijken").click()
    versions = page.get_by_role("region", name="Versies, nieuwste eerst")
    rows = versions.get_by_role("row")
    expect(rows).to_have_count(1 + 4)  # a header and four versions, the newest first
    expect(rows.nth(1).get_by_role("rowheader")).to_have_text("4 (huidig)")
    expect(rows.nth(1)).to_contain_text("Les")
    expect(rows.nth(4)).to_contain_text("Eerste versie")

    page.get_by_label("Vergelijk vanaf versie 1").check()
    page.get_by_label("Vergelijk met versie 3").check()
    page.get_by_role("button", name="Vergelijk de gekozen versies").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Versie 1 en versie 3 vergeleken")
    lesson = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=re.compile(
        "^Les")))
    expect(lesson.get_by_role("deletion")).to_have_text(re.compile(r"school\.\s*\]$"))
    expect(lesson.get_by_role("insertion")).to_have_text(re.compile(r"huisarts\.\s*\]$"))

    page.get_by_role("button", name="Versie 1 terugzetten").click()
    expect(page.get_by_role("status")).to_have_text("Versie 1 is teruggezet als nieuwe versie.")
    expect(page.locator(".section--lesson")).to_contain_text(LESSONS[0])
    expect(page.get_by_role("article")).to_contain_text("versie 5")
    page.get_by_role("link", name="Geschiedenis: alle versies bekijken en vergelijken").click()
    newest = page.get_by_role("region", name="Versies, nieuwste eerst").get_by_role("row").nth(1)
    expect(newest).to_contain_text("Versie 1 teruggezet.")


def test_a_deleted_experience_comes_back_from_the_bin(sign_in):
    author = sign_in("collega")
    word = unique_word()
    title = f"Per ongeluk verwijderd {word}"
    experience = record_experience(author, title)
    delete_experience(author, experience)
    expect(author.get_by_role("status")).to_contain_text("De ervaring staat nu in de prullenbak")

    reader = sign_in("medewerker")
    search(reader, word)
    expect(reader.get_by_role("status")).to_have_text(f"0 ervaringen gevonden voor „{word}”")

    curator = sign_in("kernteam")
    open_beheer_task(curator, "Prullenbak")
    row = curator.get_by_role("row").filter(has_text=title)
    expect(row).to_contain_text("de auteur")
    row.get_by_role("button", name=re.compile("^Terugzetten")).click()
    expect(curator.get_by_role("status")).to_have_text(
        "De ervaring is teruggezet en weer te zien voor wie hem mag zien.")
    expect(curator.get_by_role("heading", level=1)).to_have_text(title)

    search(reader, word)
    expect(reader.get_by_role("status")).to_have_text(f"1 ervaring gevonden voor „{word}”")

    admin = sign_in("beheerder")  # the audit log shows both
    open_beheer_task(admin, "Auditlog")
    events = admin.get_by_role("region", name="Gebeurtenissen, nieuwste eerst").get_by_role(
        "row").filter(has=admin.get_by_role("cell", name=f"ervaring {experience}", exact=True))
    expect(events).to_have_count(2)
    expect(events.first.get_by_role("cell").nth(2)).to_have_text(
        "Ervaring teruggezet uit de prullenbak")
    expect(events.nth(1).get_by_role("cell").nth(2)).to_have_text("Ervaring verwijderd")
