"""Klopt dit nog?: an old experience asks its author (or, when the author has left, the core
team) to confirm it, update it or mark it as history."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from rugzak.admin.services import deactivate_user
from rugzak.audit.models import Action, AuditEvent
from rugzak.auth.models import User
from rugzak.config import Defaults
from rugzak.environment import settings_from_environment
from rugzak.experiences.models import Experience
from rugzak.extensions import db
from rugzak.freshness.queries import due_reminders
from rugzak.mail.kinds import KINDS
from rugzak.mail.services import send_due
from rugzak.timeutil import utcnow

QUESTION = "Klopt dit nog?"


def age(app, experience_id: int, days: int = 400) -> None:
    """Published, changed and confirmed `days` ago (no version step)."""
    then = utcnow() - timedelta(days=days)
    with app.app_context():
        db.session.execute(update(Experience).where(Experience.id == experience_id).values(
            created_at=then, updated_at=then, published_at=then))
        db.session.commit()


def version_of(app, experience_id: int) -> int:
    with app.app_context():
        return db.session.get(Experience, experience_id).version


def answer(client, app, experience_id: int, what: str, version: int | None = None):
    """Press a button on the experience page: what is "klopt-nog" or "historisch"."""
    version = version_of(app, experience_id) if version is None else version
    return client.submit(f"/ervaringen/{experience_id}/{what}", {"version": str(version)},
                         page=f"/ervaringen/{experience_id}")


def page(client, path: str) -> str:
    return client.get(path).get_data(as_text=True)


@pytest.fixture
def old(app, client, logged_in, make_experience):
    """A signed-in author with one experience of 400 days old and one fresh one."""
    author = logged_in("medewerker")
    experience = make_experience(author, title="Een oude les", visibility="met_partners")
    make_experience(author, title="Een verse les")
    age(app, experience.id)
    return author, experience


def test_the_author_is_asked_on_the_home_page_and_the_experience_page(client, old):
    _author, experience = old
    home = page(client, "/")
    assert QUESTION in home and "Een oude les" in home and "Een verse les" not in home.split(
        "nieuws-kop")[0]
    shown = page(client, f"/ervaringen/{experience.id}")
    assert QUESTION in shown and "Ja, dit klopt nog" in shown
    assert "Markeer als historisch" in shown and f"/ervaringen/{experience.id}/bewerken" in shown


def test_the_author_confirms_it_still_holds(app, client, old):
    _author, experience = old
    response = answer(client, app, experience.id, "klopt-nog")
    assert response.status_code == 302
    shown = page(client, f"/ervaringen/{experience.id}")
    assert "Nog actueel volgens de auteur," in shown and "Ja, dit klopt nog" not in shown
    assert "Een oude les" not in page(client, "/").split("nieuws-kop")[0]
    with app.app_context():
        assert db.session.scalar(select(AuditEvent).where(
            AuditEvent.action == Action.EXPERIENCE_CONFIRMED))


def test_an_answer_from_an_old_version_is_refused(app, client, old):
    _author, experience = old
    response = answer(client, app, experience.id, "klopt-nog", version=0)
    assert response.status_code == 409
    assert "Nog actueel volgens" not in page(client, f"/ervaringen/{experience.id}")


def test_the_author_updates_it(app, client, old, token_for):
    author, experience = old
    headers = token_for(author)
    before = client.get(f"/api/v1/experiences/{experience.id}", headers=headers).get_json()
    assert before["review_due"] is True and before["historical_since"] is None
    response = client.put(f"/api/v1/experiences/{experience.id}", headers=headers,
                          json={"version": before["version"], "tip": "Bel eerst even."})
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["review_due"] is False
    assert QUESTION not in page(client, f"/ervaringen/{experience.id}")


def test_the_author_marks_it_as_history_and_it_stays_findable(app, client, old):
    _author, experience = old
    assert answer(client, app, experience.id, "historisch").status_code == 302
    shown = page(client, f"/ervaringen/{experience.id}")
    assert "Historisch sinds" in shown and "Markeer als historisch" not in shown
    listed = page(client, "/ervaringen")
    assert "Een oude les" in listed and "badge--historical" in listed
    assert "Een oude les" not in page(client, "/").split("nieuws-kop")[0]
    assert "badge--historical" in page(client, "/zoeken?q=oude")
    # and back: it holds after all
    assert answer(client, app, experience.id, "klopt-nog").status_code == 302
    assert "Historisch sinds" not in page(client, f"/ervaringen/{experience.id}")


def test_only_the_author_answers_while_they_are_here(app, client, old, make_user):
    _author, experience = old
    client.logout()
    for role in ("medewerker", "kernteam", "partner"):
        client.login(make_user(role).email)
        assert QUESTION not in page(client, f"/ervaringen/{experience.id}")
        assert answer(client, app, experience.id, "klopt-nog").status_code == 403
        client.logout()


def test_when_the_author_has_left_the_core_team_answers(app, client, old, make_user):
    author, experience = old
    keeper = make_user("kernteam")
    with app.app_context():
        deactivate_user(None, db.session.get(User, author.id))
        reminders = [r for r in due_reminders() if r.experience.id == experience.id]
        assert [user.id for user in reminders[0].recipients] == [keeper.id]
    client.logout()
    client.login(make_user("medewerker").email)
    assert answer(client, app, experience.id, "klopt-nog").status_code == 403
    client.logout()
    client.login(keeper.email)
    shown = page(client, f"/ervaringen/{experience.id}")
    assert "De auteur werkt hier niet meer" in shown
    assert answer(client, app, experience.id, "klopt-nog").status_code == 302
    assert "Nog actueel volgens de auteur," in page(client, f"/ervaringen/{experience.id}")


def test_the_core_team_sees_what_is_overdue_on_beheer(app, client, old, make_user):
    _author, experience = old
    assert client.get("/beheer/klopt-dit-nog").status_code == 403
    client.logout()
    client.login(make_user("kernteam").email)
    overview = page(client, "/beheer")
    assert "/beheer/klopt-dit-nog" in overview
    assert "1 ervaring wacht op een antwoord" in overview
    listed = page(client, "/beheer/klopt-dit-nog")
    assert "Een oude les" in listed and "Een verse les" not in listed and "de auteur" in listed


def test_the_age_is_a_setting(app, client, old):
    _author, experience = old
    app.config["REVIEW_AFTER_MONTHS"] = 24
    assert QUESTION not in page(client, "/")
    app.config["REVIEW_AFTER_MONTHS"] = 1
    age(app, experience.id, days=40)
    assert QUESTION in page(client, "/")
    assert settings_from_environment({"RUGZAK_REVIEW_AFTER_MONTHS": "6"}, Defaults) == {
        "REVIEW_AFTER_MONTHS": 6}


def test_the_api_answers_the_question(app, client, old, token_for, api_user):
    author, experience = old
    headers = token_for(author)
    url = f"/api/v1/experiences/{experience.id}/review"
    version = version_of(app, experience.id)
    refused = client.post(url, headers=headers, json={"answer": "misschien", "version": version})
    assert refused.status_code == 422 and "answer" in refused.get_json()["fields"]
    assert client.post(url, headers=headers,
                       json={"answer": "nog_actueel", "version": version + 1}).status_code == 409
    answered = client.post(url, headers=headers, json={"answer": "historisch",
                                                       "version": version})
    assert answered.status_code == 200
    state = answered.get_json()
    assert state["historical_since"] and state["review_due"] is False
    shown = client.get(f"/api/v1/experiences/{experience.id}", headers=headers).get_json()
    assert shown["historical_since"] == state["historical_since"]
    _colleague, other = api_user("medewerker")
    assert app.test_client().post(url, headers=other, json={"answer": "nog_actueel",
                                                 "version": version}).status_code == 403


def test_rugzak_review_due_lists_the_reminders(app, runner, old):
    author, experience = old
    result = runner.invoke(args=["review", "due"])
    assert result.exit_code == 0, result.output
    assert f"{experience.id}\t" in result.output and "Een oude les" in result.output
    assert author.email in result.output and "Een verse les" not in result.output
    assert "1 ervaring(en)" in result.output


def test_an_old_experience_reminds_its_author_once_by_notification_and_mail(
        app, client, runner, old, smtp_server):
    author, experience = old
    app.config.update(smtp_server.settings)
    client.submit("/account/e-mail", {**{kind: "none" for kind in KINDS},
                                      "review_reminder": "immediately"}, page="/account")
    first = runner.invoke(args=["review", "remind"])
    assert first.exit_code == 0 and "1 ervaring(en)" in first.output, first.output
    assert "0 ervaring(en)" in runner.invoke(args=["review", "remind"]).output  # once
    assert "Klopt „Een oude les” nog?" in page(client, "/meldingen")
    with app.app_context():
        assert send_due().sent == 1
    [mail] = smtp_server.messages
    assert mail["To"] == author.email and mail["Subject"] == "Klopt „Een oude les” nog?"
    answer(client, app, experience.id, "klopt-nog")  # answered: not asked again
    assert "0 ervaring(en)" in runner.invoke(args=["review", "remind"]).output
