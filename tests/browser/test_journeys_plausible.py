"""Issue 14 in the browser: what a person sees of plausible dates, the resident-data check on
comments and agenda updates, related experiences, search parameters, names left in texts at
erasure, oversized input, and the smaller points (favicon, undo, tag merge, bundle list)."""
import re

import pytest
from playwright.sync_api import expect

from .conftest import ACCOUNTS, sign_in_on
from .helpers import assert_no_axe_violations, watch_scripts
from .journeys import (
    BSN,
    EXPERIENCE_URL,
    create_user,
    fill_required_fields,
    record_experience,
    unique_word,
)

pytestmark = pytest.mark.browser
CONFIRM = "Ik heb dit nagekeken: dit zijn geen gegevens van inwoners."
QUESTION = "Staan hier gegevens van inwoners in?"


def publish(page) -> None:
    page.get_by_role("button", name="Publiceren").click()


def record_with(page, title: str, departments: list[str] = (), tags: str = "",
                situation: str = "Een overleg tussen wijkteam en UWV over een gezin.") -> int:
    """Record an experience with these departments and tags; return its id."""
    fill_required_fields(page, title, situation=situation)
    for department in departments:
        page.get_by_role("group", name="Betrokken afdelingen").get_by_label(department).check()
    page.get_by_role("textbox", name="Trefwoorden").fill(tags)
    publish(page)
    page.wait_for_url(EXPERIENCE_URL)
    return int(EXPERIENCE_URL.search(page.url).group(1))


def test_a_date_in_year_one_is_refused_and_the_dutch_notation_accepted(sign_in):
    page = sign_in("medewerker")
    title = f"Overleg over de overdracht {unique_word()}"
    fill_required_fields(page, title)
    date = page.get_by_label("Datum waarop het gebeurde")
    date.fill("01-01-0001")
    publish(page)

    expect(page.get_by_role("alert")).to_be_visible()
    expect(date).to_have_attribute("aria-invalid", "true")
    expect(date).to_have_accessible_description(
        re.compile("De datum ligt vóór 1 januari 2000; controleer het jaartal."))
    expect(date).to_have_value("01-01-0001")
    expect(page.get_by_role("textbox", name="Titel")).to_have_value(title)

    date.fill("14-03-2025")
    publish(page)
    page.wait_for_url(EXPERIENCE_URL)
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("article")).to_contain_text("gebeurd op 14 maart 2025")
