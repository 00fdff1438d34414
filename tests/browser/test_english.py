"""Switching to English leaves no Dutch behind, except what people wrote (marked lang="nl")."""
import re

import pytest
from babel.messages.pofile import read_po
from playwright.sync_api import expect

from ..conftest import PASSWORD
from ..translations import CATALOGUE
from .conftest import ACCOUNTS
from .helpers import assert_no_axe_violations

pytestmark = pytest.mark.browser

# Frequent Dutch words that are not English words as well.
DUTCH_WORDS = {"de", "het", "een", "en", "van", "je", "jouw", "jij", "niet", "voor", "met",
               "naar", "zijn", "wat", "er", "dat", "deze", "bij", "ook", "nog", "geen", "alle",
               "wie", "welke", "aan", "maar", "kun", "heb", "wordt", "zonder", "ervaring",
               "ervaringen", "zoeken", "inloggen", "uitloggen", "taal", "afdeling", "bewaar",
               "vastleggen", "publiceren", "concept", "les", "vraag", "knelpunt", "verplicht",
               "toegankelijkheid", "vorige", "volgende", "hielp", "ontbrak", "intern"}
VISIBLE_TEXT = """() => {
  const copy = document.body.cloneNode(true);
  const dutch = [...copy.querySelectorAll('[lang|="nl"]')];
  // a page's title may name what people wrote, such as an experience's title
  const title = dutch.reduce((rest, e) => rest.replace(e.textContent.trim(), ''), document.title);
  dutch.forEach(e => e.remove());
  copy.querySelectorAll('script, style').forEach(e => e.remove());
  const attributes = [...copy.querySelectorAll('[placeholder], [aria-label], [title], [alt]')]
    .flatMap(e => ['placeholder', 'aria-label', 'title', 'alt'].map(a => e.getAttribute(a)));
  return [title, copy.textContent, ...attributes].filter(Boolean).join('\\n');
}"""


def dutch_phrases() -> list[str]:
    """The literal parts of every Dutch msgid whose English translation differs."""
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)
    phrases = set()
    for message in catalogue:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for dutch in ids:
            for part in re.split(r"%\(\w+\)[sd]", dutch):
                if len(part.strip()) >= 8 and not any(part.strip() in s for s in strings):
                    phrases.add(part.strip())
    return sorted(phrases)


def assert_no_dutch(page, phrases: list[str]) -> None:
    text = page.evaluate(VISIBLE_TEXT)
    words = {word.lower() for word in re.findall(r"[^\W\d_]+", text)}
    left = sorted(words & DUTCH_WORDS) + [phrase for phrase in phrases if phrase in text]
    assert not left, f"Dutch left on {page.url}: {left}\n---\n{text}"
    assert page.evaluate("document.documentElement.lang") == "en"


def test_english_leaves_no_dutch_behind(new_page):
    phrases = dutch_phrases()
    page = new_page(locale="en-GB")
    page.goto("/inloggen")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to Rugzak")
    assert_no_dutch(page, phrases)

    page.get_by_label("Email address").fill(ACCOUNTS["international"].email)
    page.get_by_label("Password").fill("niet goed genoeg")
    page.get_by_role("button", name="Sign in").click()
    assert_no_dutch(page, phrases)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    # the browser asked for English; now the person chooses it for good
    page.get_by_role("banner").get_by_role("link", name="Language").click()
    page.get_by_role("radio", name="English").check()
    page.get_by_role("button", name="Save language").click()
    expect(page.get_by_role("status")).to_have_text("Rugzak now speaks English.")

    pages = ["/", "/ervaringen", "/mijn-ervaringen", "/ervaringen/nieuw", "/zoeken?q=wijkteam",
             "/zoeken?q=qwxzyvonk", "/toegankelijkheid", "/taal", "/ervaringen/999999", "/uitleg"]
    for path in pages:
        page.goto(path)
        assert_no_dutch(page, phrases)
        assert_no_axe_violations(page, f"{path} in English")

    page.goto("/ervaringen")
    page.locator(".card__title a").first.click()
    expect(page.get_by_role("heading", level=2, name="Details")).to_be_visible()
    assert_no_dutch(page, phrases)

    page.goto("/ervaringen/nieuw")
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("Your experience has not been saved yet")
    assert_no_dutch(page, phrases)
    assert_no_axe_violations(page, "the form with errors in English")
