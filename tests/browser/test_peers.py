"""Issue 18 in the browser: an openly shared bundle read anonymously, and this installation
following itself as "another municipality" (the beheerder adds it and fetches now): the copy
is found in the search with its source and the facet Bron, and read on its own page. Every
page axe-clean. The peer is removed at the end: the browser tests share one database."""
import re

import pytest
from playwright.sync_api import expect

from .helpers import assert_no_axe_violations
from .journeys import EXPERIENCE_URL, fill_required_fields, unique_word
from .test_journeys_reflection import make_bundle

pytestmark = pytest.mark.browser
PEER = "Gemeente Spiegelstad"


def for_peer(action: str) -> re.Pattern:
    """An action's accessible name: the visible verb and the peer in a visually hidden span."""
    return re.compile(rf"^{action}\s*:\s*{PEER}$")


def share_openly(curator, path: str) -> None:
    curator.goto(path)
    curator.get_by_role("link", name="Openbaar delen…").click()
    curator.get_by_role("button", name="Ja, deel dit openbaar").click()
    expect(curator.get_by_role("status")).to_contain_text("openbaar gedeeld")


def test_an_open_bundle_and_a_followed_municipality_in_the_search(sign_in, new_page, server):
    word = unique_word()
    title = f"Buurtgesprek met de huisarts {word}"
    author = sign_in("collega")
    fill_required_fields(author, title)
    author.get_by_role("checkbox", name="Mag openbaar gedeeld worden").check()
    author.get_by_role("button", name="Publiceren").click()
    author.wait_for_url(EXPERIENCE_URL)
    experience = int(EXPERIENCE_URL.search(author.url).group(1))

    curator = sign_in("kernteam")
    share_openly(curator, f"/ervaringen/{experience}")
    bundle = f"Open bundel {word}"
    make_bundle(curator, bundle, [experience])
    curator.goto("/bundels")
    curator.get_by_role("link", name=bundle).click()
    share_openly(curator, curator.url)

    reader = new_page()  # anonymous
    reader.goto("/open")
    reader.get_by_role("link", name=bundle).click()
    expect(reader).to_have_url(re.compile(r"/open/bundels/\d+$"))
    expect(reader.locator("main")).to_contain_text(title)
    assert_no_axe_violations(reader, "an open bundle")
    assert reader.context.cookies() == []

    admin = sign_in("beheerder")
    admin.goto("/beheer/bronnen")
    admin.get_by_role("textbox", name="Naam").fill(PEER)
    admin.get_by_role("textbox", name="Adres van de andere Rugzak").fill(server)
    admin.get_by_role("button", name="Toevoegen").click()
    try:
        admin.get_by_role("button", name=for_peer("Nu ophalen")).click()
        expect(admin.get_by_role("row", name=re.compile(PEER))).not_to_contain_text("nog nooit",
                                                                                   timeout=20_000)
        assert_no_axe_violations(admin, "the sources after a fetch")

        colleague = sign_in("medewerker")
        colleague.goto(f"/zoeken?q={word}")
        copy = colleague.locator("article", has_text=f"Gedeeld door {PEER}.")
        expect(copy).to_have_count(1, timeout=20_000)
        source_facet = colleague.locator(".facet").filter(
            has=colleague.locator("h3", has_text=re.compile("^Bron$")))
        expect(source_facet).to_contain_text(PEER)
        expect(source_facet).to_contain_text("Eigen gemeente")
        assert_no_axe_violations(colleague, "the search with a copy and the facet Bron")
        copy.get_by_role("link", name=title).click()
        expect(colleague).to_have_url(re.compile(r"/andere-gemeenten/\d+$"))
        expect(colleague.locator("main")).to_contain_text(f"Gedeeld door {PEER}")
        assert_no_axe_violations(colleague, "a copy of another municipality")
    finally:
        admin.goto("/beheer/bronnen")
        admin.get_by_role("link", name=for_peer("Verwijderen")).click()
        admin.get_by_role("button", name="Ja, verwijderen").click()
    expect(admin.get_by_role("main")).to_contain_text("Deze Rugzak volgt nog geen andere")
