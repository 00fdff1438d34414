"""Atom feeds with a personal feed token: made on the account page, read without signing in,
showing only what the token's owner may see now."""
from __future__ import annotations

import re

import feedparser
import pytest

from rugzak.admin.services import deactivate_user, reactivate_user
from rugzak.auth.models import User
from rugzak.bundles.services import BundleInput, add_item, create_bundle
from rugzak.curation.services import highlight
from rugzak.experiences.models import Experience
from rugzak.extensions import db

FEED_ADDRESS = re.compile(r'(http://[^"/]+/feeds/(rzf_[\w-]+)/[^"\s]+)')
ATOM = "{http://www.w3.org/2005/Atom}"


def make_feed_token(client) -> str:
    response = client.submit("/account/feedadres/maken", page="/account")
    assert response.status_code == 302
    return FEED_ADDRESS.search(client.get("/account").get_data(as_text=True)).group(2)


def read(app, path: str, status: int = 200):
    """A feed as a feed reader asks for it: a client without any cookie."""
    response = app.test_client().get(path)
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    return response


def parsed(app, path: str):
    response = read(app, path)
    assert response.content_type.startswith("application/atom+xml")
    assert "Set-Cookie" not in response.headers
    feed = feedparser.parse(response.data)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed, response.get_data(as_text=True)


def assert_valid_atom(feed) -> None:
    """RFC 4287's required elements: feed id, title, updated, author (on the feed or every
    entry); every entry an id, title, updated and a link to its page."""
    assert feed.feed.id and feed.feed.title and feed.feed.updated
    assert feed.feed.get("author") or all(entry.get("author") for entry in feed.entries)
    assert any(link.rel == "self" for link in feed.feed.links)
    for entry in feed.entries:
        assert entry.id and entry.title and entry.updated
        assert entry.link.startswith("http://rugzak.test/ervaringen/")


@pytest.fixture(autouse=True)
def base_url(app):
    app.config["BASE_URL"] = "http://rugzak.test"


def titles(feed) -> set[str]:
    return {entry.title for entry in feed.entries}


def test_account_page_makes_shows_renews_and_revokes_the_feed_token(app, client, logged_in,
                                                                     make_experience):
    user = logged_in("medewerker")
    make_experience(user, title="Een gedeelde les")
    page = client.get("/account").get_data(as_text=True)
    assert "Maak een feedadres" in page and "/feeds/" not in page

    token = make_feed_token(client)
    page = client.get("/account").get_data(as_text=True)
    assert f"http://rugzak.test/feeds/{token}/uitgelicht.atom" in page
    assert f"http://rugzak.test/feeds/{token}/nieuw.atom" in page
    feed, _ = parsed(app, f"/feeds/{token}/nieuw.atom")
    assert_valid_atom(feed)
    assert titles(feed) == {"Een gedeelde les"}

    client.submit("/account/feedadres/maken", page="/account")  # renew
    renewed = FEED_ADDRESS.search(client.get("/account").get_data(as_text=True)).group(2)
    assert renewed != token
    read(app, f"/feeds/{token}/nieuw.atom", 404)
    read(app, f"/feeds/{renewed}/nieuw.atom")

    assert client.submit("/account/feedadres/intrekken", page="/account").status_code == 302
    assert "Maak een feedadres" in client.get("/account").get_data(as_text=True)
    read(app, f"/feeds/{renewed}/nieuw.atom", 404)


def test_the_token_is_stored_only_as_a_digest(app, client, logged_in):
    logged_in("medewerker")
    token = make_feed_token(client)
    with app.app_context():
        row = db.session.execute(db.text("SELECT * FROM feed_tokens")).mappings().one()
    assert token not in {str(value) for value in row.values()}


def test_a_partner_never_gets_an_intern_experience(app, client, make_user, logged_in,
                                                   make_experience):
    colleague, keeper = make_user("medewerker"), make_user("kernteam")
    shared = make_experience(colleague, title="Gedeeld met partners", tags=["wijkteam"],
                             visibility="met_partners", lesson="Samen werkt het.")
    intern = make_experience(colleague, title="Alleen intern", tags=["wijkteam"],
                             lesson="Samen werkt het intern.")
    with app.app_context():
        curator = db.session.get(User, keeper.id)
        bundle = create_bundle(curator, BundleInput(title="Regie", visibility="met_partners"))
        for ref in (shared, intern):
            experience = db.session.get(Experience, ref.id)
            highlight(curator, experience, "Leerzaam.")
            add_item(curator, bundle, experience, "")
        bundle_id = bundle.id
    logged_in("partner")
    token = make_feed_token(client)
    for path in ("uitgelicht.atom", "nieuw.atom", "trefwoorden/wijkteam.atom",
                 f"bundels/{bundle_id}.atom", "zoeken.atom?q=samen"):
        feed, text = parsed(app, f"/feeds/{token}/{path}")
        assert_valid_atom(feed)
        assert titles(feed) == {"Gedeeld met partners"}, path
        assert "Alleen intern" not in text


def test_an_internal_bundle_is_no_feed_for_a_partner(app, client, make_user, logged_in):
    with app.app_context():
        curator = db.session.get(User, make_user("kernteam").id)
        bundle_id = create_bundle(curator, BundleInput(title="Intern")).id
    logged_in("partner")
    token = make_feed_token(client)
    read(app, f"/feeds/{token}/bundels/{bundle_id}.atom", 404)


def test_bad_token_and_deactivated_owner_get_404(app, client, logged_in, make_experience):
    user = logged_in("medewerker")
    make_experience(user)
    token = make_feed_token(client)
    read(app, "/feeds/rzf_niet-echt/nieuw.atom", 404)
    read(app, f"/feeds/{token}x/nieuw.atom", 404)
    assert "Set-Cookie" not in read(app, "/feeds/rzf_niet-echt/nieuw.atom", 404).headers
    with app.app_context():
        deactivate_user(None, db.session.get(User, user.id))
    read(app, f"/feeds/{token}/nieuw.atom", 404)
    with app.app_context():
        reactivate_user(None, db.session.get(User, user.id))
    read(app, f"/feeds/{token}/nieuw.atom", 404)  # ended for good, as API tokens


def test_entries_link_to_the_app_and_summaries_are_escaped_text(app, client, logged_in,
                                                                make_experience):
    user = logged_in("medewerker")
    experience = make_experience(user, lesson="**Vet** en <script>alert(1)</script> & meer.")
    token = make_feed_token(client)
    feed, text = parsed(app, f"/feeds/{token}/nieuw.atom")
    entry = feed.entries[0]
    assert entry.link == f"http://rugzak.test/ervaringen/{experience.id}"
    assert entry.summary_detail.type == "text/plain"
    assert "Vet en" in entry.summary and "<strong>" not in text and "<script>" not in text
    assert "/feeds/" in next(link.href for link in feed.feed.links if link.rel == "self")
    assert next(link.href for link in feed.feed.links if link.rel == "self").startswith(
        "http://rugzak.test/feeds/")


def test_a_signed_in_browser_gets_the_owner_s_feed_and_no_cookie(app, client, logged_in,
                                                                  make_user, make_experience):
    other = make_user("medewerker")
    make_experience(other, title="Intern van een collega")
    logged_in("partner")
    token = make_feed_token(client)
    client.logout()
    logged_in("kernteam")  # this browser's session is not the feed's reader
    response = client.get(f"/feeds/{token}/nieuw.atom")
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    assert "Intern van een collega" not in response.get_data(as_text=True)


def test_feeds_are_rate_limited_per_owner(app, client, logged_in):
    app.config["FEED_REQUESTS_PER_MINUTE"] = 2
    logged_in("medewerker")
    token = make_feed_token(client)
    read(app, f"/feeds/{token}/nieuw.atom")
    read(app, f"/feeds/{token}/uitgelicht.atom")
    refused = read(app, f"/feeds/{token}/nieuw.atom", 429)
    assert refused.headers["Retry-After"] and "Set-Cookie" not in refused.headers
    assert refused.get_data(as_text=True).startswith("Te veel verzoeken.")


def test_pages_link_their_feed(app, client, make_user, logged_in, make_experience):
    with app.app_context():
        curator = db.session.get(User, make_user("kernteam").id)
        bundle_id = create_bundle(curator, BundleInput(title="Regie")).id
    user = logged_in("medewerker")
    make_experience(user, tags=["wijkteam"])
    pages = {"/": "uitgelicht.atom", "/ervaringen": "nieuw.atom",
             "/ervaringen?highlighted=ja": "uitgelicht.atom",
             "/ervaringen?tag=wijkteam": "trefwoorden/wijkteam.atom",
             f"/bundels/{bundle_id}": f"bundels/{bundle_id}.atom",
             "/zoeken?q=regie": "zoeken.atom?q=regie"}
    for page in pages:  # without a feed token: the link leads to the account page
        html = client.get(page).get_data(as_text=True)
        assert 'href="/account#feeds"' in html, page
        assert "application/atom+xml" not in html, page
    token = make_feed_token(client)
    for page, feed in pages.items():
        html = client.get(page).get_data(as_text=True)
        address = f"http://rugzak.test/feeds/{token}/{feed}"
        assert '<link rel="alternate" type="application/atom+xml"' in html, page
        assert f'href="{address}"' in html.replace("&amp;", "&"), page
        read(app, address.removeprefix("http://rugzak.test"))


def test_experience_page_links_its_tags_to_the_tag_list(client, logged_in, make_experience):
    user = logged_in("medewerker")
    experience = make_experience(user, tags=["wijkteam"])
    make_experience(user, title="Zonder dat trefwoord")
    html = client.get(f"/ervaringen/{experience.id}").get_data(as_text=True)
    assert 'href="/ervaringen?tag=wijkteam"' in html
    listed = client.get("/ervaringen?tag=wijkteam").get_data(as_text=True)
    assert "Samen aan tafel" in listed and "Zonder dat trefwoord" not in listed
