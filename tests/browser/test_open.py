"""Issue 18 in the browser: the core team shares openly after a preview; an anonymous reader
finds it on /open, without a cookie, and every page is axe-clean."""
import re

import pytest
from playwright.sync_api import expect

from .helpers import assert_no_axe_violations
from .journeys import EXPERIENCE_URL, fill_required_fields, unique_word

pytestmark = pytest.mark.browser


def test_core_team_shares_openly_after_a_preview_and_the_world_reads_it(sign_in, new_page):
    word = unique_word()
    title = f"Samen de overdracht regelen {word}"
    author = sign_in("collega")
    fill_required_fields(author, title)
    author.get_by_role("checkbox", name="Mag openbaar gedeeld worden").check()
    author.get_by_role("button", name="Publiceren").click()
    author.wait_for_url(EXPERIENCE_URL)
    experience = int(EXPERIENCE_URL.search(author.url).group(1))

    curator = sign_in("kernteam")
    curator.goto(f"/ervaringen/{experience}")
    curator.get_by_role("link", name="Openbaar delen…").click()
    expect(curator.get_by_role("heading", level=1)).to_have_text(
        "Openbaar delen: zo ziet de wereld het")
    preview = curator.get_by_role("region", name="Voorbeeld")
    expect(preview).to_contain_text("een medewerker van Jeugd en Onderwijs")
    expect(preview).not_to_contain_text("Cas Collega")
    assert_no_axe_violations(curator, "the open-sharing preview")
    curator.get_by_role("button", name="Ja, deel dit openbaar").click()
    expect(curator.get_by_role("status")).to_have_text("De ervaring is openbaar gedeeld.")

    reader = new_page()  # anonymous: a fresh context, never signed in
    reader.goto("/open")
    assert_no_axe_violations(reader, "the open list")
    reader.get_by_role("searchbox", name="Zoek in openbare ervaringen").first.fill(word)
    reader.get_by_role("button", name="Zoeken").first.click()
    reader.get_by_role("link", name=title).click()
    expect(reader).to_have_url(re.compile(r"/open/\d+$"))
    expect(reader.get_by_role("heading", level=1)).to_have_text(title)
    expect(reader.locator("main")).not_to_contain_text("Cas Collega")
    expect(reader.get_by_role("contentinfo")).to_contain_text("CC BY 4.0")
    assert_no_axe_violations(reader, "an open experience")
    assert reader.context.cookies() == []
