"""Issue 15 in the browser: the core team adds a synonym, and search finds through it."""
import pytest
from playwright.sync_api import expect

from .helpers import assert_no_axe_violations
from .journeys import record_experience, search, unique_word

pytestmark = pytest.mark.browser


def test_a_synonym_added_in_the_browser_is_searched_at_once(sign_in):
    asked, written = unique_word(), unique_word()
    author = sign_in("medewerker")
    title = f"Een naaste als {written}"
    record_experience(author, title, situation=f"De {written} zorgde al jaren voor haar vader.")

    keeper = sign_in("kernteam")
    search(keeper, asked)
    expect(keeper.get_by_role("link", name=title)).to_have_count(0)
    keeper.goto(f"/beheer/synoniemen?woord={asked}")
    expect(keeper.get_by_role("heading", level=1)).to_have_text("Synoniemen")
    terms = keeper.get_by_role("textbox", name="Woorden en zinsdelen die hetzelfde betekenen")
    expect(terms).to_have_value(f"{asked}, ")
    assert_no_axe_violations(keeper, "the synonyms page")

    keeper.get_by_role("button", name="Toevoegen").click()  # only one word: refused
    expect(terms).to_have_attribute("aria-invalid", "true")
    expect(keeper.locator(".field-errors")).to_contain_text("ten minste twee")
    assert_no_axe_violations(keeper, "the synonyms page with an error")

    terms.fill(f"{asked}, {written}")
    keeper.get_by_role("button", name="Toevoegen").click()
    expect(keeper.get_by_role("status")).to_have_text(f"Synoniemen toegevoegd: {asked}, {written}.")
    row = keeper.get_by_role("row").filter(has_text=asked)
    expect(row).to_contain_text("Kees Kernteam")
    search(keeper, asked)
    expect(keeper.get_by_role("link", name=title)).to_be_visible()
