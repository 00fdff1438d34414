"""Notifications by e-mail, end to end: follow, someone else publishes or comments, and the
loopback SMTP server receives it now or in a digest, in the reader's language, with nothing the
reader may not see."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from rugzak.experiences.models import Experience
from rugzak.extensions import db
from rugzak.mail.services import send_due
from rugzak.timeutil import utcnow

from .mailserver import html_of, text_of
from .test_experiences import FULL_FORM
from .test_follows import as_user, follow

ALL_NOW = {"new_experience": "immediately", "comment": "immediately", "highlight": "immediately",
           "recognition": "immediately", "agenda_item": "immediately",
           "review_reminder": "immediately"}


@pytest.fixture
def settings(smtp_server):
    return smtp_server.settings


@pytest.fixture(autouse=True)
def wijkteam_tag(make_user, make_experience):
    make_experience(make_user(), title="Eerste over het wijkteam", tags=["wijkteam"])


def send(app, at=None) -> int:
    with app.app_context():
        return send_due(at).sent


def test_a_followed_tag_mails_at_once_in_the_readers_language(app, client, make_user,
                                                              logged_in, smtp_server):
    reader = logged_in()
    client.submit("/taal", {"locale": "en"})
    client.submit("/account/e-mail", ALL_NOW, page="/account")
    follow(client, "tag", "wijkteam")
    as_user(client, make_user(name="Noor Bos"))
    client.submit("/ervaringen/nieuw", {**FULL_FORM, "title": "Warme overdracht in de wijk",
                                        "tags": "wijkteam"})
    assert send(app) == 1
    [mail] = smtp_server.messages
    assert mail["To"] == reader.email
    assert mail["Subject"] == "New experience: Warme overdracht in de wijk"
    assert "http://localhost/ervaringen/" in text_of(mail)  # on BASE_URL (the tests')
    assert "Warme overdracht in de wijk" in html_of(mail)
    assert mail["List-Unsubscribe"]


def test_a_partner_following_a_tag_gets_no_mail_about_an_intern_experience(
        app, client, make_user, make_experience, logged_in, smtp_server):
    logged_in("partner")
    client.submit("/account/e-mail", ALL_NOW, page="/account")
    follow(client, "tag", "wijkteam")
    author = make_user()
    make_experience(author, title="Alleen intern", tags=["wijkteam"], visibility="intern")
    make_experience(author, title="Met partners", tags=["wijkteam"], visibility="met_partners")
    assert send(app) == 1
    [mail] = smtp_server.messages
    assert "Met partners" in mail["Subject"]
    assert all("Alleen intern" not in text_of(m) + html_of(m) for m in smtp_server.messages)


def test_by_default_new_experiences_come_in_the_daily_digest(app, client, make_user, logged_in,
                                                             smtp_server):
    reader = logged_in()
    follow(client, "tag", "wijkteam")
    as_user(client, make_user())
    client.submit("/ervaringen/nieuw", {**FULL_FORM, "title": "Eerste", "tags": "wijkteam"})
    client.submit("/ervaringen/nieuw", {**FULL_FORM, "title": "Tweede", "tags": "wijkteam"})
    assert send(app) == 0
    assert send(app, utcnow() + timedelta(days=1, hours=1)) == 1
    [digest] = smtp_server.messages
    assert digest["To"] == reader.email
    assert "Nieuwe ervaring: Eerste" in text_of(digest)
    assert "Nieuwe ervaring: Tweede" in text_of(digest)


def test_a_comment_on_my_experience_mails_me_at_once_with_a_link_to_it(
        app, client, make_user, make_experience, smtp_server):
    author = make_user()
    mine = make_experience(author, title="Mijn les")
    client.login(make_user(name="Fatima Yilmaz").email)
    client.submit(f"/ervaringen/{mine.id}/reacties", {"body": "Herkenbaar!"},
                  page=f"/ervaringen/{mine.id}")
    assert send(app) == 1
    [mail] = smtp_server.messages
    assert mail["To"] == author.email
    assert mail["Subject"] == "Fatima Yilmaz reageerde op „Mijn les”"
    assert f"/ervaringen/{mine.id}#reactie-" in text_of(mail)


def test_no_mail_when_the_event_is_rolled_back(app, client, make_user, logged_in, smtp_server):
    logged_in()
    client.submit("/account/e-mail", ALL_NOW, page="/account")
    follow(client, "tag", "wijkteam")
    as_user(client, make_user())
    refused = client.submit("/ervaringen/nieuw", {**FULL_FORM, "title": "", "tags": "wijkteam"})
    assert refused.status_code == 422
    assert send(app) == 0 and smtp_server.messages == []


def test_a_digest_says_what_the_reader_may_see_when_it_goes_out(app, client, make_user,
                                                                 logged_in, smtp_server):
    """An entry waits for the digest; by then one experience is `intern` and the other renamed:
    the partner's digest leaves the first out and names the second as it is now."""
    reader = logged_in("partner")
    follow(client, "tag", "wijkteam")
    author = make_user()
    as_user(client, author)
    for title in ("Straks alleen intern", "Eerste naam"):
        client.submit("/ervaringen/nieuw", {**FULL_FORM, "title": title, "tags": "wijkteam"})
    with app.app_context():
        first, second = (db.session.scalar(select(Experience.id).where(Experience.title == t))
                         for t in ("Straks alleen intern", "Eerste naam"))
    for number, changes in ((first, {"visibility": "intern"}), (second, {"title": "Nieuwe naam"})):
        url = f"/ervaringen/{number}/bewerken"
        title = "Straks alleen intern" if number == first else "Eerste naam"
        edited = client.submit(url, {**FULL_FORM, "title": title, "tags": "wijkteam",
                                     "version": "1", **changes})
        assert edited.status_code == 302
    assert send(app, utcnow() + timedelta(days=1, hours=1)) == 1
    [digest] = smtp_server.messages
    assert digest["To"] == reader.email
    assert "Nieuwe ervaring: Nieuwe naam" in text_of(digest)
    assert "Nieuwe ervaring: Nieuwe naam" in html_of(digest)
    assert "Eerste naam" not in text_of(digest)
    assert all("Straks alleen intern" not in part for part in (text_of(digest), html_of(digest)))


def test_no_digest_when_nothing_in_it_may_be_shown_any_more(app, client, make_user, logged_in,
                                                            smtp_server):
    logged_in("partner")
    follow(client, "tag", "wijkteam")
    as_user(client, make_user())
    client.submit("/ervaringen/nieuw", {**FULL_FORM, "title": "Even gedeeld", "tags": "wijkteam"})
    with app.app_context():
        number = db.session.scalar(select(Experience.id).where(Experience.title == "Even gedeeld"))
    client.submit(f"/ervaringen/{number}/bewerken", {**FULL_FORM, "title": "Even gedeeld",
                                                      "tags": "wijkteam", "version": "1",
                                                      "visibility": "intern"})
    assert send(app, utcnow() + timedelta(days=1, hours=1)) == 0
    assert smtp_server.messages == []
