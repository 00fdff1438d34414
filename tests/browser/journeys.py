"""Steps the journeys share, written the way a person uses the pages."""
from __future__ import annotations

import re
import uuid

from rugzak.demo.data import demo_data

NEW_PASSWORD = "een lange zin als wachtwoord"
BSN = "111222333"  # passes the eleven test: the resident-data check must catch it
DEMO_BUNDLE = demo_data("curation")["bundle"]["title"]
DEMO_AGENDA_ITEM = demo_data("agenda")["items"][0]["title"]
EXPERIENCE_URL = re.compile(r"/ervaringen/(\d+)(#[\w-]*)?$")  # a fragment survives a redirect


def unique_word() -> str:
    """A made-up word that only this test's experiences contain (letters only: one token)."""
    return "zoekwoord" + "".join(chr(ord("a") + int(c, 16) % 26) for c in uuid.uuid4().hex[:8])


def fill_required_fields(page, title: str, lesson: str = "Spreek vooraf af wie de regie heeft.",
                         situation: str = "Een overleg tussen wijkteam en UWV over een gezin."
                         ) -> None:
    """Open an empty experience form and fill in what it needs."""
    page.goto("/ervaringen/nieuw")
    page.get_by_role("textbox", name="Titel").fill(title)
    page.get_by_role("textbox", name="Situatie").fill(situation)
    page.get_by_role("textbox", name="Les (verplicht)").fill(lesson)


def record_experience(page, title: str, lesson: str = "Spreek vooraf af wie de regie heeft.",
                      conditions: dict[str, str] | None = None, visibility: str | None = None,
                      situation: str = "Een overleg tussen wijkteam en UWV over een gezin."
                      ) -> int:
    """Fill in the required fields (and the given extras), publish, return the new id."""
    fill_required_fields(page, title, lesson, situation)
    for condition, effect in (conditions or {}).items():
        page.get_by_role("group", name=condition).get_by_label(effect).check()
    if visibility:
        page.get_by_role("radio", name=visibility).check()
    page.get_by_role("button", name="Publiceren").click()
    page.wait_for_url(EXPERIENCE_URL)
    return int(EXPERIENCE_URL.search(page.url).group(1))


def confirm_and_publish(page) -> None:
    """On a form that questions resident data: confirm it is none, and publish."""
    page.get_by_label("Ik heb dit nagekeken: dit zijn geen gegevens van inwoners.").check()
    page.get_by_role("button", name="Publiceren").click()
    page.wait_for_url(EXPERIENCE_URL)


def edit_experience(page, experience: int, texts: dict[str, str]) -> None:
    """Change text fields by their label ("Titel", "Les (verplicht)", …) and publish."""
    page.goto(f"/ervaringen/{experience}/bewerken")
    for label, text in texts.items():
        page.get_by_role("textbox", name=label, exact=True).fill(text)
    page.get_by_role("button", name="Wijzigingen publiceren").click()
    page.wait_for_url(EXPERIENCE_URL)


def delete_experience(page, experience: int) -> None:
    page.goto(f"/ervaringen/{experience}")
    page.get_by_role("link", name="Verwijderen").click()
    page.get_by_role("button", name="Ja, verwijderen").click()
    page.wait_for_url("**/mijn-ervaringen")


def create_user(page, name: str, email: str | None = None, role: str = "Medewerker",
                department: str = "Werk en Inkomen") -> str:
    """As a beheerder: create an account; return the one-time set-password link shown."""
    page.goto("/beheer/gebruikers/nieuw")
    page.get_by_label("Naam").fill(name)
    page.get_by_label("E-mailadres").fill(email or f"{unique_word()}@browser.example")
    page.get_by_label("Rol").select_option(label=role)
    page.get_by_label("Afdeling").select_option(label=department)
    page.get_by_role("button", name="Gebruiker aanmaken").click()
    return page.get_by_label("Eenmalige link").input_value()


def sign_out(page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/inloggen*")


def search(page, query: str) -> None:
    """Search from the box in the page header."""
    page.get_by_role("search").first.get_by_role("searchbox").fill(query)
    page.get_by_role("search").first.get_by_role("button", name="Zoeken").click()
    page.wait_for_url(re.compile(r"/zoeken\?"))


def sign_in_with(page, email: str, password: str) -> None:
    page.goto("/inloggen")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()


def start_as_new_user(page, link: str, email: str) -> None:
    """Follow a one-time link on `page`, choose NEW_PASSWORD and sign in with it."""
    page.goto(link)
    for label in ("Nieuw wachtwoord", "Herhaal het wachtwoord"):
        page.get_by_label(label).fill(NEW_PASSWORD)
    page.get_by_role("button", name="Wachtwoord instellen").click()
    sign_in_with(page, email, NEW_PASSWORD)


def open_beheer_task(page, task: str) -> None:
    """Through "Beheer" in the main menu to one of its tasks ("Prullenbak", "Auditlog", …)."""
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Beheer").click()
    page.get_by_role("main").get_by_role("link", name=task, exact=True).click()
