"""E-mail through a real SMTP server on loopback (aiosmtpd): the password mails, language,
preferences and one-click unsubscribe, and the outbox (a crash, two senders, retries)."""
from __future__ import annotations

import re
import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from rugzak.auth.models import User
from rugzak.extensions import db
from rugzak.mail.models import DigestEntry, MailPreference, OutboxMail, Status
from rugzak.mail.services import deliver, send_due
from rugzak.timeutil import utcnow

from .conftest import PASSWORD
from .mailserver import MailServer, html_of, text_of
from .test_admin_users import NEW_PASSWORD, create, set_password
from .test_audit import events
from .test_erasure import erase

LINK = re.compile(r"http://localhost(/wachtwoord-instellen#[\w-]{40,})")
SAME_ANSWER = "Hoort dit e-mailadres bij een account van Rugzak?"


@pytest.fixture
def settings(smtp_server):
    return smtp_server.settings


def send(runner) -> str:
    result = runner.invoke(args=["mail", "send"])
    assert result.exit_code == 0, result.output
    return result.output


def forget_password(client, email: str):
    return client.submit("/wachtwoord-vergeten", {"email": email}, follow_redirects=True)


def notify(app, user_id: int, kind: str = "comment", text: str = "Fatima reageerde.",
           count: int = 1) -> None:
    """What the notification feature will do: deliver in the event's transaction, commit."""
    with app.app_context():
        user = db.session.get(User, user_id)
        for number in range(count):
            deliver(user, kind, f"Nieuwe reactie\n{number}", text, link="http://localhost/x")
        db.session.commit()


def outbox(app) -> list[tuple]:
    with app.app_context():
        return db.session.execute(select(OutboxMail.kind, OutboxMail.status, OutboxMail.attempts)
                                  .order_by(OutboxMail.id)).all()


# -- forgotten password ----------------------------------------------------------------------
def test_forgotten_password_end_to_end(app, client, runner, make_user, smtp_server):
    user = make_user(name="Sanne de Vries")
    assert "/wachtwoord-vergeten" in client.get("/inloggen").get_data(as_text=True)
    answer = forget_password(client, user.email.upper())
    assert SAME_ANSWER in answer.get_data(as_text=True)
    assert smtp_server.messages == []  # written in the request's transaction, sent afterwards
    assert "Verstuurd: 1," in send(runner)

    [message] = smtp_server.messages
    assert message["To"] == user.email
    assert message["Subject"] == "Kies een nieuw wachtwoord voor Rugzak"
    assert "List-Unsubscribe" not in message  # password mails cannot be unsubscribed from
    assert "Hallo Sanne de Vries" in text_of(message)
    link = LINK.search(text_of(message)).group(1)
    assert link in html_of(message)
    assert set_password(client, link).status_code == 302
    client.login(user.email, NEW_PASSWORD)
    assert set_password(app.test_client(), link).status_code == 410  # one time only
    with app.app_context():  # the sent mail no longer holds the link
        assert db.session.scalar(select(OutboxMail.text_body)) == ""
    assert ("password_reset_requested", "success", None, "users", user.id, "") in events(app)


def test_unknown_address_gets_the_same_answer_and_no_mail(app, client, runner, make_user,
                                                          smtp_server):
    inactive = make_user()
    client.login(make_user("beheerder").email)
    client.submit(f"/beheer/gebruikers/{inactive.id}/deactiveren", page="/beheer/gebruikers")
    anonymous = app.test_client()
    for address in ("niemand@gemeente.example", inactive.email):
        answer = forget_password(anonymous, address)
        assert answer.status_code == 200
        assert SAME_ANSWER in answer.get_data(as_text=True)
    assert "Verstuurd: 0," in send(runner)
    assert smtp_server.messages == []
    assert [e for e in events(app) if e[0] == "password_reset_requested"] == [
        ("password_reset_requested", "denied", None, None, None,
         "geen actief account met dit adres")] * 2


def test_forgotten_password_is_throttled_per_address_and_per_client(app, client, make_user):
    user = make_user()
    for _attempt in range(3):
        assert forget_password(client, user.email).status_code == 200
    refused = client.submit("/wachtwoord-vergeten", {"email": user.email})
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert "te vaak gevraagd" in refused.get_data(as_text=True)
    assert ("password_reset_requested", "denied", None, None, None,
            "geweigerd: te vaak gevraagd") in events(app)
    assert user.email in refused.get_data(as_text=True)  # what was typed is kept
    app.config["PASSWORD_RESETS_PER_CLIENT"] = 5
    assert forget_password(client, "ander@gemeente.example").status_code == 200
    assert forget_password(client, "derde@gemeente.example").status_code == 200
    assert client.submit("/wachtwoord-vergeten",
                         {"email": "vierde@gemeente.example"}).status_code == 429
    assert client.submit("/wachtwoord-vergeten", {"email": " "}).status_code == 422


def test_without_mail_there_is_no_forgotten_password(app, client):
    app.config["MAIL_HOST"] = None
    assert "/wachtwoord-vergeten" not in client.get("/inloggen").get_data(as_text=True)
    assert client.get("/wachtwoord-vergeten").status_code == 404
    assert app.test_cli_runner().invoke(args=["mail", "send"]).exit_code == 1


# -- the new user's link -----------------------------------------------------------------------
def test_a_new_user_gets_the_link_by_mail(app, client, runner, logged_in, smtp_server):
    logged_in("beheerder")
    page = create(client).get_data(as_text=True)
    assert "stuurt Nieuwe Collega een e-mail op nieuw@gemeente.example" in page
    assert "wachtwoord-instellen#" not in page  # only the new user sees the link
    send(runner)
    [message] = smtp_server.messages
    assert message["To"] == "nieuw@gemeente.example"
    assert message["Subject"] == "Je account voor Rugzak"
    link = LINK.search(text_of(message)).group(1)
    assert set_password(app.test_client(), link).status_code == 302
    app.test_client().login("nieuw@gemeente.example", NEW_PASSWORD)


def test_a_new_link_is_mailed_from_the_page_and_the_api(app, client, runner, logged_in,
                                                        make_user, token_for, smtp_server):
    admin = logged_in("beheerder")
    user = make_user()
    url = f"/beheer/gebruikers/{user.id}"
    page = client.submit(f"{url}/wachtwoordlink", page=url, follow_redirects=True)
    assert f"een e-mail op {user.email} met een nieuwe link" in page.get_data(as_text=True)
    assert "wachtwoord-instellen#" not in page.get_data(as_text=True)
    answer = app.test_client().post(f"/api/v1/users/{user.id}/password-link",
                                    headers=token_for(admin))
    assert answer.status_code == 201
    assert answer.get_json()["mailed"] is True and "password_link" not in answer.get_json()
    created = app.test_client().post("/api/v1/users", headers=token_for(admin), json={
        "email": "api@gemeente.example", "name": "Via API", "role": "medewerker",
        "department": "jeugd-en-onderwijs"})
    assert created.status_code == 201 and created.get_json()["mailed"] is True
    send(runner)
    first, second, third = smtp_server.messages
    assert [m["To"] for m in (first, second, third)] == [user.email, user.email,
                                                        "api@gemeente.example"]
    links = [LINK.search(text_of(message)).group(1) for message in (first, second, third)]
    assert set_password(app.test_client(), links[0]).status_code == 410  # ended by the second
    assert set_password(app.test_client(), links[2]).status_code == 302
    app.test_client().login("api@gemeente.example", NEW_PASSWORD)


def test_mails_speak_the_recipients_language(app, client, runner, make_user, smtp_server):
    user = make_user()
    client.login(user.email)
    client.submit("/taal", {"locale": "en"})
    client.logout()
    forget_password(app.test_client(), user.email)
    notify(app, user.id)
    send(runner)
    reset, comment = smtp_server.messages
    assert reset["Subject"] == "Choose a new password for Rugzak"
    assert "The link works once and is valid for 48 hours." in text_of(reset)
    assert reset["Content-Language"] == "en"
    assert "Unsubscribe from this e-mail" in html_of(comment)


# -- preferences and unsubscribing -------------------------------------------------------------
def test_one_click_unsubscribe(app, client, runner, make_user, smtp_server):
    user = make_user()
    notify(app, user.id, text="Fatima schreef: <b>klopt</b>")
    send(runner)
    [message] = smtp_server.messages
    assert message["Subject"] == "Nieuwe reactie 0"  # one line, whatever the caller gave
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = message["List-Unsubscribe"].strip("<>")
    assert url.startswith("http://localhost/e-mail/afmelden/")
    assert "&lt;b&gt;klopt&lt;/b&gt;" in html_of(message)  # the HTML is escaped
    assert url in text_of(message) and url in html_of(message)
    path = url.removeprefix("http://localhost")

    anonymous = app.test_client()  # no sign-in needed
    page = anonymous.get(path)
    assert page.status_code == 200 and "Reactie" in page.get_data(as_text=True)
    assert anonymous.post(path).status_code == 400  # the page's own button needs its CSRF token
    assert anonymous.post(path, data={"List-Unsubscribe": "One-Click"}).status_code == 200
    assert anonymous.get(path[:-3] + "xyz").status_code == 404
    with app.app_context():
        assert db.session.scalar(select(MailPreference.frequency)) == "none"
    notify(app, user.id)
    assert "Verstuurd: 0," in send(runner)


def test_unsubscribe_page_button(app, client, make_user):
    user = make_user()
    notify(app, user.id, kind="recognition")
    with app.app_context():
        path = db.session.scalar(select(OutboxMail.unsubscribe_url)).removeprefix(
            "http://localhost")
    anonymous = app.test_client()
    done = anonymous.submit(path)
    assert "Je bent afgemeld" in done.get_data(as_text=True)
    client.login(user.email)
    assert 'value="none" selected' in client.get("/account").get_data(as_text=True)


def test_choices_on_the_account_page(app, client, logged_in):
    logged_in()
    page = client.get("/account").get_data(as_text=True)
    assert 'id="mail-comment"' in page and "Herkenbaar gevonden" in page
    choices = {"new_experience": "weekly", "comment": "daily", "highlight": "none",
               "recognition": "immediately", "agenda_item": "daily",
               "review_reminder": "daily"}
    assert client.submit("/account/e-mail", choices, page="/account").status_code == 302
    page = client.get("/account").get_data(as_text=True)
    assert re.search(r'name="new_experience">.*?value="weekly" selected', page, re.S)
    refused = client.submit("/account/e-mail", {**choices, "comment": "elk uur"},
                            page="/account")
    assert refused.status_code == 422
    assert "Kies hoe vaak je deze e-mail wilt krijgen." in refused.get_data(as_text=True)
    assert re.search(r'name="new_experience">.*?value="weekly" selected',
                     refused.get_data(as_text=True), re.S)  # the other choices are kept


def test_daily_kinds_come_in_one_digest(app, runner, make_user, smtp_server):
    user = make_user()
    notify(app, user.id, kind="highlight", text="Uitgelicht: Samen aan tafel", count=2)
    notify(app, user.id, kind="new_experience", text="Nieuw: <b>Warme</b> overdracht")
    with app.app_context():
        assert send_due().sent == 0
        assert send_due(utcnow() + timedelta(days=1, hours=1)).sent == 1
        assert db.session.scalar(select(func.count(DigestEntry.id))) == 0
    [digest] = smtp_server.messages
    assert digest["Subject"] == "Rugzak: 3 berichten voor jou"
    assert text_of(digest).count("Uitgelicht: Samen aan tafel") == 2
    assert "Nieuw: &lt;b&gt;Warme&lt;/b&gt; overdracht" in html_of(digest)
    path = digest["List-Unsubscribe"].strip("<>").removeprefix("http://localhost")
    page = app.test_client().get(path).get_data(as_text=True)
    assert "Uitgelicht" in page and "Nieuwe ervaring over iets wat je volgt" in page


def test_a_digest_waits_for_the_week_and_skips_a_deactivated_account(app, client, make_user,
                                                                      smtp_server):
    user, leaver = make_user(), make_user()
    client.login(user.email)
    choices = {"new_experience": "weekly", "comment": "immediately", "highlight": "weekly",
               "recognition": "immediately", "agenda_item": "daily",
               "review_reminder": "daily"}
    client.submit("/account/e-mail", choices, page="/account")
    notify(app, user.id, kind="highlight")
    notify(app, leaver.id, kind="highlight")
    client.logout()
    client.login(make_user("beheerder").email)
    client.submit(f"/beheer/gebruikers/{leaver.id}/deactiveren", page="/beheer/gebruikers")
    with app.app_context():
        assert send_due(utcnow() + timedelta(days=8)).sent == 1
        assert db.session.scalar(select(func.count(DigestEntry.id))) == 0
    assert [m["To"] for m in smtp_server.messages] == [user.email]


# -- the outbox ----------------------------------------------------------------------------------
def test_a_crash_between_commit_and_send_loses_nothing(app, runner, make_user, smtp_server):
    user = make_user()
    notify(app, user.id, count=2)  # committed; the process "dies" before sending
    with app.app_context():  # and one that a dead sender had claimed, its lease long over
        db.session.execute(update(OutboxMail).where(OutboxMail.id == 1).values(
            claimed_by="dood", claimed_until=utcnow() - timedelta(minutes=1)))
        db.session.commit()
    assert "Verstuurd: 2," in send(runner)
    assert "Verstuurd: 0," in send(runner)
    assert len(smtp_server.messages) == 2
    assert len({message["Message-ID"] for message in smtp_server.messages}) == 2


def test_a_live_claim_is_left_alone_until_its_lease_ends(app, make_user, smtp_server):
    user = make_user()
    notify(app, user.id)
    with app.app_context():
        db.session.execute(update(OutboxMail).values(
            claimed_by="bezig", claimed_until=utcnow() + timedelta(minutes=15)))
        db.session.commit()
        assert send_due().sent == 0
        assert send_due(utcnow() + timedelta(minutes=16)).sent == 1


def test_two_senders_at_once_send_each_mail_once(app, make_user, smtp_server):
    user = make_user()
    notify(app, user.id, count=30)
    counts, start = [], threading.Barrier(2)

    def sender():
        with app.app_context():
            start.wait()
            counts.append(send_due().sent)
            db.session.remove()

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(counts) == 30
    assert len(smtp_server.messages) == 30
    assert len({message["Message-ID"] for message in smtp_server.messages}) == 30


def test_a_refused_mail_is_retried_later(app, make_user, smtp_server):
    user = make_user()
    notify(app, user.id)
    smtp_server.collector.refuse = 1
    with app.app_context():
        run = send_due()
        assert (run.sent, run.retried) == (0, 1)
        row = db.session.scalar(select(OutboxMail))
        assert row.status == Status.PENDING and "451" in row.last_error
        assert send_due().sent == 0  # not yet: it waits two minutes
        assert send_due(utcnow() + timedelta(minutes=3)).sent == 1
    assert outbox(app) == [("comment", "sent", 2)]
    assert len(smtp_server.messages) == 1


def test_a_mail_that_keeps_failing_is_shown_to_the_beheerder(app, client, runner, make_user,
                                                             smtp_server):
    user = make_user()
    notify(app, user.id)
    app.config["MAIL_MAX_ATTEMPTS"] = 2
    smtp_server.collector.refuse = 5
    with app.app_context():
        assert send_due().retried == 1
        assert send_due(utcnow() + timedelta(minutes=3)).failed == 1
    assert outbox(app) == [("comment", "failed", 2)]
    failed = runner.invoke(args=["mail", "failed"]).output
    assert user.email in failed and "451" in failed
    client.login(make_user("beheerder").email)
    page = client.get("/beheer").get_data(as_text=True)
    assert "E-mail die niet verstuurd kon worden" in page and user.email in page
    client.logout()
    client.login(make_user("kernteam").email)
    assert user.email not in client.get("/beheer").get_data(as_text=True)


def test_an_unreachable_server_is_retried(app, runner, make_user, smtp_server):
    user = make_user()
    notify(app, user.id)
    smtp_server.stop()
    assert "later opnieuw: 1" in send(runner)
    smtp_server.start()
    with app.app_context():
        assert send_due(utcnow() + timedelta(minutes=3)).sent == 1


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_it_logs_in_when_a_user_name_is_set(app, make_user):
    server = MailServer(login=("rugzak", "geheim wachtwoord"))
    server.start()
    app.config.update(MAIL_PORT=server.port, MAIL_USERNAME="rugzak",
                      MAIL_PASSWORD="verkeerd wachtwoord")
    user = make_user()
    notify(app, user.id)
    try:
        with app.app_context():
            assert send_due().retried == 1
            error = db.session.scalar(select(OutboxMail.last_error))
            assert "SMTPAuthenticationError" in error and "wachtwoord" not in error
            app.config["MAIL_PASSWORD"] = "geheim wachtwoord"
            assert send_due(utcnow() + timedelta(minutes=3)).sent == 1
    finally:
        server.stop()
    assert [m["To"] for m in server.messages] == [user.email]


# -- personal data ------------------------------------------------------------------------------
def test_mails_are_in_the_data_download_and_erased(app, client, runner, make_user):
    user = make_user()
    notify(app, user.id, text="Over jouw ervaring")
    notify(app, user.id, kind="highlight")
    send(runner)
    client.login(user.email, PASSWORD)
    download = client.get("/account/gegevens").json
    assert [m["text"] for m in download["mail"]][0].startswith("Over jouw ervaring")
    assert download["mail"][1]["status"] == "digest"
    client.logout()
    client.login(make_user("beheerder").email)
    assert erase(client, user.id).status_code == 302
    with app.app_context():
        for model in (OutboxMail, DigestEntry, MailPreference):
            assert db.session.scalar(select(func.count(model.id))) == 0


def test_sent_mails_are_purged_after_the_retention_period(app, runner, make_user):
    user = make_user()
    notify(app, user.id, count=2)
    send(runner)
    with app.app_context():
        db.session.execute(update(OutboxMail).where(OutboxMail.id == 1).values(
            sent_at=utcnow() - timedelta(days=31)))
        db.session.commit()
    assert "verstuurde e-mail: 1," in runner.invoke(args=["retention"]).output
    assert outbox(app) == [("comment", "sent", 1)]
