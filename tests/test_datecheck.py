"""/beheer/datums and `rugzak dates`: rows saved outside the plausible date range (before the
range was enforced, or planted in the database) are reported and the beheerder corrects them."""
from __future__ import annotations

import html
from datetime import date

from sqlalchemy import select, update

from rugzak.agenda.models import AgendaItem
from rugzak.audit.models import AuditEvent
from rugzak.experiences.models import Experience
from rugzak.extensions import db
from rugzak.revisions.models import ExperienceRevision

from .test_agenda import new_item

PAGE = "/beheer/datums"


def _plant(app, experience_id: int | None = None, agenda_title: str | None = None) -> None:
    """Dates the services refuse, written directly as an old version of Rugzak could have."""
    with app.app_context():
        if experience_id:
            db.session.execute(update(Experience).where(Experience.id == experience_id)
                               .values(occurred_on=date(1, 1, 1)))
        if agenda_title:
            db.session.execute(update(AgendaItem).where(AgendaItem.title == agenda_title)
                               .values(target_date=date(9999, 12, 31)))
        db.session.commit()


def _text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def _world(app, client, make_user, make_experience):
    author = make_user()
    outlier = make_experience(author, title="Overleg uit het jaar 1")
    make_experience(author, title="Gewone ervaring")
    admin = make_user("beheerder")
    client.login(admin.email)
    planned = new_item(client, "department:werk-en-inkomen", title="Plan voor later")
    assert planned.status_code == 302
    _plant(app, outlier.id, "Plan voor later")
    return outlier


def test_the_beheerder_sees_what_lies_outside_the_range(app, client, make_user, make_experience):
    _world(app, client, make_user, make_experience)
    page = _text(client.get(PAGE))
    assert "Overleg uit het jaar 1" in page and "Gewone ervaring" not in page
    assert "1 gepubliceerde ervaring heeft een datum buiten het bereik." in page
    assert "Plan voor later" in page and "31 december 9999" in page
    assert "/agenda/" in page and "/bewerken" in page
    assert 'href="/beheer/datums"' in client.get("/beheer").get_data(as_text=True)


def test_only_the_beheerder_may_look(app, client, make_user, make_experience):
    outlier = _world(app, client, make_user, make_experience)
    client.logout()
    for role in ("medewerker", "kernteam", "partner"):
        client.login(make_user(role).email)
        assert client.get(PAGE).status_code == 403
        token = client.csrf_token("/")
        response = client.post(f"{PAGE}/{outlier.id}", data={
            "csrf_token": token, f"ervaring-{outlier.id}-occurred_on": "2024-01-01"})
        assert response.status_code == 403
        client.logout()
    assert "/beheer/datums" not in client.get("/beheer").get_data(as_text=True)


def test_correcting_a_date_keeps_typed_input_and_records_who(app, client, make_user,
                                                             make_experience):
    outlier = _world(app, client, make_user, make_experience)
    field = f"ervaring-{outlier.id}-occurred_on"
    url = f"{PAGE}/{outlier.id}"
    for typed, message in (("0001-01-02", "De datum ligt vóór 1 januari 2000"),
                           ("gisteren", "Vul een datum in als jjjj-mm-dd"),
                           ("2999-01-01", "De datum ligt in de toekomst")):
        response = client.submit(url, {field: typed}, page=PAGE)
        assert response.status_code == 422, typed
        page = _text(response)
        assert message in page and f'value="{typed}"' in page and 'aria-invalid="true"' in page
    response = client.submit(url, {field: "14-03-2024"}, page=PAGE)
    assert response.status_code == 302
    page = _text(client.get(PAGE))
    assert "De datum van „Overleg uit het jaar 1” is aangepast." in page
    assert "Alle gepubliceerde ervaringen hebben een datum binnen het bereik." in page
    with app.app_context():
        assert db.session.get(Experience, outlier.id).occurred_on == date(2024, 3, 14)
        revisions = db.session.scalars(select(ExperienceRevision).where(
            ExperienceRevision.experience_id == outlier.id)
            .order_by(ExperienceRevision.number)).all()
        assert revisions[-1].snapshot["occurred_on"] == "2024-03-14"
        assert revisions[-1].saved_by_id is not None
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "date_corrected"))
        assert event.object_id == outlier.id and "0001-01-01 → 2024-03-14" in event.detail
    # a plausible date is the author's to change: this page no longer finds the experience
    assert client.submit(url, {field: "2024-03-15"}, page=PAGE).status_code == 404


def test_an_unknown_date_may_replace_an_impossible_one(app, client, make_user, make_experience):
    outlier = _world(app, client, make_user, make_experience)
    response = client.submit(f"{PAGE}/{outlier.id}", {f"ervaring-{outlier.id}-occurred_on": ""},
                             page=PAGE)
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Experience, outlier.id).occurred_on is None


def test_the_operator_is_told_at_init_and_by_the_dates_command(app, client, runner, make_user,
                                                              make_experience):
    assert "Let op" not in runner.invoke(args=["init"]).output
    outlier = _world(app, client, make_user, make_experience)
    output = runner.invoke(args=["dates"]).output
    assert f"ervaring {outlier.id}: 0001-01-01  Overleg uit het jaar 1" in output
    assert "9999-12-31  Plan voor later" in output
    assert "1 ervaring(en) en 1 agendapunt(en)" in output
    assert "/beheer/datums" in runner.invoke(args=["init"]).output
