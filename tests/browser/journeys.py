"""Steps the journeys share, written the way a person uses the pages."""
from __future__ import annotations

import re
import uuid


def unique_word() -> str:
    """A made-up word that only this test's experiences contain (letters only: one token)."""
    return "zoekwoord" + "".join(chr(ord("a") + int(c, 16) % 26) for c in uuid.uuid4().hex[:8])


def record_experience(page, title: str, lesson: str = "Spreek vooraf af wie de regie heeft.",
                      conditions: dict[str, str] | None = None, visibility: str | None = None,
                      situation: str = "Een overleg tussen wijkteam en UWV over een gezin."
                      ) -> int:
    """Fill in the required fields (and the given extras), publish, return the new id."""
    page.goto("/ervaringen/nieuw")
    page.get_by_role("textbox", name="Titel").fill(title)
    page.get_by_role("textbox", name="Situatie").fill(situation)
    page.get_by_role("textbox", name="Les (verplicht)").fill(lesson)
    for condition, effect in (conditions or {}).items():
        page.get_by_role("group", name=condition).get_by_label(effect).check()
    if visibility:
        page.get_by_role("radio", name=visibility).check()
    page.get_by_role("button", name="Publiceren").click()
    page.wait_for_url(re.compile(r"/ervaringen/\d+$"))
    return int(page.url.rsplit("/", 1)[1])


def search(page, query: str) -> None:
    """Search from the box in the page header."""
    page.get_by_role("search").first.get_by_role("searchbox").fill(query)
    page.get_by_role("search").first.get_by_role("button", name="Zoeken").click()
    page.wait_for_url(re.compile(r"/zoeken\?"))
