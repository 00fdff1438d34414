"""Finding 6: what the served app writes to its logs holds no secrets and no body text. A real
gunicorn (access log on) goes through a one-time link and a database write that fails; then
every log line is searched for the link's token, the passwords, an API token and the text."""
from __future__ import annotations

import re
import urllib.request
from urllib.parse import urlsplit

import pytest
from sqlalchemy import text

from rugzak.extensions import db

from .conftest import PASSWORD
from .http_client import Visitor
from .servers import Server

pytestmark = pytest.mark.slow
NEW_PASSWORD = "een nieuw wachtwoord voor de kade"
SECRET_TEXT = "Lesje over de overdracht aan het wijkteam Zuidoost-4711"

FAILING_INSERT = {  # a database that refuses every new experience, as a full disk would
    "sqlite": ["CREATE TRIGGER refuse BEFORE INSERT ON experiences "
               "BEGIN SELECT RAISE(ABORT, 'geweigerd door de test'); END"],
    "postgresql": ["CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS "
                   "$$ BEGIN RAISE EXCEPTION 'geweigerd door de test'; END $$",
                   "CREATE TRIGGER refuse BEFORE INSERT ON experiences "
                   "FOR EACH ROW EXECUTE FUNCTION refuse()"]}


def refuse_new_experiences(app) -> None:
    with app.app_context():
        for statement in FAILING_INSERT[db.engine.dialect.name]:
            db.session.execute(text(statement))
        db.session.commit()


def signed_in(url: str, email: str, password: str = PASSWORD) -> Visitor:
    person = Visitor(url)
    assert person.sign_in(email, password).status == 302
    return person


def test_logs_hold_no_token_password_or_experience_text(app, instance, database_url, make_user,
                                                        token_for):
    admin, newcomer = make_user("beheerder"), make_user()
    api_token = token_for(admin)["Authorization"].split()[1]
    refuse_new_experiences(app)
    with Server(instance, database_url, workers=1) as served:
        beheerder = signed_in(served.url, admin.email)
        page = f"/beheer/gebruikers/{newcomer.id}"
        shown = beheerder.submit(f"{page}/wachtwoordlink", page=page).text
        link = re.search(r'id="eenmalige-link"[^>]*value="([^"]+)"', shown).group(1)
        assert link.startswith(served.url)
        token = urlsplit(link).fragment
        person = Visitor(served.url)  # a browser requests the link without its fragment
        assert person.submit(urlsplit(link).path, {"token": token, "password": NEW_PASSWORD,
                                                   "confirm": NEW_PASSWORD}).status == 302

        writer = signed_in(served.url, newcomer.email, NEW_PASSWORD)
        failed = writer.submit("/ervaringen/nieuw", {
            "title": "Overdracht", "kind": "les", "situation": SECRET_TEXT,
            "lesson": SECRET_TEXT, "publish": "1"})
        assert failed.status == 500
        answer = Visitor(served.url).api("POST", "/api/v1/experiences", {
            "title": "Overdracht", "kind": "les", "situation": SECRET_TEXT,
            "lesson": SECRET_TEXT, "status": "gepubliceerd"},
            headers={"Authorization": f"Bearer {api_token}"})
        assert answer.status == 500
    errors, access = served.errors(), served.access_log.read_text()
    assert errors.count("geweigerd door de test") >= 2  # both failures are logged, with SQL
    assert "/wachtwoord-instellen" in access and "/api/v1/experiences" in access
    for secret in (token, NEW_PASSWORD, PASSWORD, api_token, SECRET_TEXT, "Zuidoost-4711"):
        assert secret not in errors and secret not in access, secret


def test_the_log_check_finds_each_kind_of_secret():
    from .servers import assert_no_secrets_in

    assert_no_secrets_in('"POST /wachtwoord-instellen HTTP/1.1" 302 - "GET /api/v1/me" 200')
    assert_no_secrets_in('"GET /feeds/[verborgen]/nieuw.atom HTTP/1.1" 200 '
                         '"GET /inloggen/organisatie/terug?code=[verborgen]&state=[verborgen]"')
    for leak in (f"password={PASSWORD}", "Authorization: Bearer abc123",
                 '"GET /wachtwoord-instellen/Zk3_x9-abcdef HTTP/1.1" 200',
                 '"GET /feeds/rzf_abc/nieuw.atom HTTP/1.1" 200',
                 '"GET /e-mail/afmelden/WzIsWyJjb21tZW50Il1d.x HTTP/1.1" 200',
                 '"GET /inloggen/organisatie/terug?code=abc&state=def HTTP/1.1" 302'):
        with pytest.raises(AssertionError):
            assert_no_secrets_in(leak)


def test_feed_and_unsubscribe_tokens_are_hidden_in_the_access_log(app, instance, database_url,
                                                                   make_user):
    from rugzak.feeds.models import FeedToken
    from rugzak.mail.unsubscribe import unsubscribe_token

    reader = make_user()
    with app.app_context():
        feed = FeedToken(user_id=reader.id)
        feed.renew(app.config["SECRET_KEY"])
        db.session.add(feed)
        db.session.commit()
        token = feed.token(app.config["SECRET_KEY"])
        unsubscribe = unsubscribe_token(reader.id, ["comment"])
    with Server(instance, database_url, workers=1,
                settings={"SECRET_KEY": app.config["SECRET_KEY"]}) as served:
        for path in (f"/feeds/{token}/nieuw.atom", f"/e-mail/afmelden/{unsubscribe}"):
            with urllib.request.urlopen(served.url + path) as answer:
                assert answer.status == 200
    access = served.access_log.read_text()
    assert "/feeds/[verborgen]/nieuw.atom" in access
    assert "/e-mail/afmelden/[verborgen]" in access
    assert token not in access and unsubscribe not in access
