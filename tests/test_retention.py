"""Retention, configured and scheduled: old searches, audit addresses, ended sessions, staged
imports, kept API answers and sent mails go after their periods; at `rugzak init`, with
`rugzak retention` and once a day in the served app. Time is forged: rows are dated back,
`now` is passed in."""
from __future__ import annotations

import os
import time
from datetime import date, timedelta

from sqlalchemy import select

from rugzak.audit.models import AuditEvent
from rugzak.extensions import db
from rugzak.mail.models import OutboxMail
from rugzak.privacy.retention import EXTENSION, apply_retention, months_before
from rugzak.search.log import SearchLog
from rugzak.security.idempotency import IdempotentAnswer
from rugzak.security.sessions import UserSession
from rugzak.timeutil import utcnow


def fill(app, user_id: int, now) -> None:
    """One row on each side of every default period, as seen from `now`."""
    def days(n):
        return now - timedelta(days=n)

    with app.app_context():
        db.session.add_all([
            SearchLog(query="oud", hits=0, searched_on=months_before(now.date(), 13)),
            SearchLog(query="recent", hits=1, searched_on=months_before(now.date(), 11)),
            AuditEvent(action="sign_in", at=days(91), address="192.0.2.1", detail="oud"),
            AuditEvent(action="sign_in", at=days(89), address="192.0.2.2", detail="recent"),
            UserSession(digest="a" * 64, user_id=user_id, created_at=days(40),
                        last_seen_at=days(40), ended_at=days(31), end_reason="afgemeld"),
            UserSession(digest="b" * 64, user_id=user_id, created_at=days(45),
                        last_seen_at=days(45)),  # never ended, long expired
            UserSession(digest="c" * 64, user_id=user_id, created_at=days(29),
                        last_seen_at=days(29), ended_at=days(29), end_reason="afgemeld"),
            IdempotentAnswer(user_id=user_id, key="oud", request="POST /api/v1/experiences",
                             status=201, body="{}", created_at=now - timedelta(hours=25)),
            IdempotentAnswer(user_id=user_id, key="recent", request="POST /api/v1/experiences",
                             status=201, body="{}", created_at=now - timedelta(hours=23)),
            *[OutboxMail(user_id=user_id, address="a@gemeente.example", language="nl",
                         kind="comment", subject=subject, text_body="", html_body="",
                         status="sent", created_at=days(age), sent_at=days(age))
              for subject, age in (("oud", 31), ("recent", 29))],
        ])
        db.session.commit()
    imports = app.instance_path + "/imports"
    os.makedirs(imports, exist_ok=True)
    for name, age in (("oud.csv", timedelta(hours=25)), ("recent.xlsx", timedelta(hours=23))):
        path = os.path.join(imports, name)
        open(path, "w").close()
        stamp = (now - age).timestamp()
        os.utime(path, (stamp, stamp))


def kept(app) -> dict:
    with app.app_context():
        return {
            "searches": db.session.scalars(select(SearchLog.query)).all(),
            "addresses": db.session.scalars(select(AuditEvent.address).where(
                AuditEvent.detail.in_(["oud", "recent"])).order_by(AuditEvent.id)).all(),
            "sessions": db.session.scalars(select(UserSession.digest).where(
                UserSession.digest.in_(["a" * 64, "b" * 64, "c" * 64]))).all(),
            "answers": db.session.scalars(select(IdempotentAnswer.key)).all(),
            "mails": db.session.scalars(select(OutboxMail.subject)).all(),
            "imports": sorted(os.listdir(app.instance_path + "/imports")),
        }


AFTER = {"searches": ["recent"], "addresses": [None, "192.0.2.2"], "sessions": ["c" * 64],
         "answers": ["recent"], "imports": ["recent.xlsx"], "mails": ["recent"]}


def test_rugzak_retention_applies_every_period(app, runner, make_user):
    fill(app, make_user().id, utcnow())
    result = runner.invoke(args=["retention"])
    assert result.exit_code == 0, result.output
    assert ("Zoekopdrachten: 1, IP-adressen in het auditlog: 1, sessies: 2, klaargezette "
            "imports: 1, bewaarde API-antwoorden: 1, verstuurde e-mail: 1, gelezen meldingen: 0."
            ) in result.output
    assert kept(app) == AFTER


def test_periods_are_configured(app, make_user):
    now = utcnow()
    fill(app, make_user().id, now)
    app.config.update(SEARCH_LOG_MONTHS=24, AUDIT_ADDRESS_DAYS=30, ENDED_SESSION_DAYS=60,
                      STAGED_IMPORT_HOURS=1, SENT_MAIL_DAYS=60)
    with app.app_context():
        apply_retention(now)
    assert kept(app) == {"searches": ["oud", "recent"], "addresses": [None, None],
                         "sessions": ["a" * 64, "b" * 64, "c" * 64], "answers": ["recent"],
                         "imports": [], "mails": ["oud", "recent"]}


def test_the_served_app_applies_it_once_a_day(app, make_user):
    now = utcnow()
    fill(app, make_user().id, now)
    schedule = app.extensions[EXTENSION]
    assert schedule.run_if_due(now) is not None
    assert kept(app) == AFTER
    with app.app_context():  # an old search again, later that day: it waits for tomorrow
        db.session.add(SearchLog(query="oud", hits=0, searched_on=date(2000, 1, 1)))
        db.session.commit()
    assert schedule.run_if_due(now) is None
    assert kept(app)["searches"] == ["recent", "oud"]
    tomorrow = schedule.run_if_due(now + timedelta(days=1))
    assert tomorrow is not None and tomorrow.searches == 1


def test_a_worker_starts_the_schedule_with_its_first_request(app, client, make_user):
    fill(app, make_user().id, utcnow())
    schedule = app.extensions[EXTENSION]
    schedule.check_seconds = 3600  # the tests switch it off (RETENTION_CHECK_MINUTES = 0)
    client.get("/healthz")
    deadline = time.monotonic() + 10
    while not (schedule.stamps / date.today().isoformat()).exists() \
            and time.monotonic() < deadline:
        time.sleep(0.1)
    assert kept(app) == AFTER
