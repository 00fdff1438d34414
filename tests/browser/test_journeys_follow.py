"""Issue 16 in the browser: follow a tag, a colleague publishes, the header counts it,
/meldingen shows it, mark it read (axe on every page)."""
import re

import pytest
from playwright.sync_api import expect

from .helpers import assert_no_axe_violations
from .journeys import EXPERIENCE_URL, fill_required_fields, unique_word

pytestmark = pytest.mark.browser


def publish_with_tag(page, title: str, tag: str) -> int:
    fill_required_fields(page, title)
    page.get_by_role("textbox", name="Trefwoorden").fill(tag)
    page.get_by_role("button", name="Publiceren").click()
    page.wait_for_url(EXPERIENCE_URL)
    return int(EXPERIENCE_URL.search(page.url).group(1))


def notifications_link(page):
    return page.get_by_role("banner").get_by_role("link", name=re.compile(r"^Meldingen"))


def test_follow_a_tag_and_hear_of_a_new_experience(sign_in):
    tag = unique_word()
    author = sign_in("collega")
    first = publish_with_tag(author, f"Eerste over {tag}", tag)

    reader = sign_in("medewerker")
    reader.goto("/meldingen")  # start from nothing unread (the tests share one database)
    mark_all = reader.get_by_role("button", name="Markeer alles als gelezen")
    if mark_all.count():
        mark_all.click()
    expect(notifications_link(reader)).to_have_accessible_name("Meldingen")
    reader.goto(f"/ervaringen/{first}")
    reader.get_by_text("Meer volgen", exact=True).click()
    reader.get_by_role("button", name=f"Volg trefwoord {tag}").click()
    expect(reader.get_by_role("status")).to_have_text(
        "Je volgt dit nu. Nieuws erover zie je bij Meldingen.")
    reader.get_by_text("Meer volgen", exact=True).click()
    expect(reader.get_by_role("button", name=f"Niet meer volgen: trefwoord {tag}")).to_be_visible()
    assert_no_axe_violations(reader, "an experience with follow buttons")

    title = f"Nieuw over {tag}"
    publish_with_tag(author, title, f"{tag}, regie")

    reader.goto("/")
    link = notifications_link(reader)
    expect(link).to_have_accessible_name(re.compile(r"^Meldingen \(1 ongelezen\s*\)$"))
    link.click()
    expect(reader.get_by_role("heading", level=1)).to_have_text("Meldingen")
    item = reader.get_by_role("listitem").filter(has_text=f"Nieuwe ervaring: {title}")
    expect(item).to_contain_text("Nieuw")
    assert_no_axe_violations(reader, "notifications with one unread")
    item.get_by_role("button", name=re.compile(
        rf"^Markeer als gelezen\s*: Nieuwe ervaring: {title}$")).click()
    expect(notifications_link(reader)).to_have_accessible_name("Meldingen")
    expect(reader.get_by_role("button", name=re.compile("^Markeer als gelezen"))).to_have_count(0)
    assert_no_axe_violations(reader, "notifications, all read")
    reader.get_by_role("link", name=f"Nieuwe ervaring: {title}").click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(title)

    reader.goto("/meldingen/volgen")
    expect(reader.get_by_role("link", name=tag)).to_be_visible()
    assert_no_axe_violations(reader, "what I follow")
