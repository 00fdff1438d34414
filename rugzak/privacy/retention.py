"""How long what is not needed is kept: searches, network addresses in the audit log, ended
sessions, staged import files, kept API answers, sent mails and read notifications are removed
after configurable periods.

One job does it all (`apply_retention`): at `rugzak init`, with `rugzak retention`, and once a
day inside every served instance (`RetentionSchedule`, a thread per worker process that looks
every RETENTION_CHECK_MINUTES; a stamp file per day in the instance folder makes the other
workers skip a day that is done). The same daily run asks the due "Klopt dit nog?" reminders
(rugzak/freshness/reminders.py).
"""
from __future__ import annotations

import calendar
import logging
import os
import threading
import time
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from flask import Flask, current_app
from sqlalchemy import delete, or_, update

from ..audit.models import AuditEvent
from ..extensions import db
from ..freshness.reminders import remind_due
from ..mail.models import OutboxMail, Status
from ..notifications.models import Notification
from ..search.log import SearchLog
from ..security.idempotency import forget_old_answers
from ..security.sessions import UserSession
from ..timeutil import utcnow

log = logging.getLogger(__name__)
EXTENSION = "rugzak.retention"


@dataclass(frozen=True)
class Removed:
    searches: int
    audit_addresses: int
    sessions: int
    staged_imports: int
    api_answers: int
    sent_mails: int
    read_notifications: int


def months_before(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def apply_retention(now: datetime | None = None) -> Removed:
    """Apply every retention period of the configuration at `now`, and commit."""
    now = now or utcnow()
    config = current_app.config
    removed = Removed(
        searches=_purge_searches(months_before(now.date(), config["SEARCH_LOG_MONTHS"])),
        audit_addresses=_forget_audit_addresses(now - timedelta(
            days=config["AUDIT_ADDRESS_DAYS"])),
        sessions=_purge_sessions(now - timedelta(days=config["ENDED_SESSION_DAYS"])),
        staged_imports=_purge_staged_imports(now - timedelta(
            hours=config["STAGED_IMPORT_HOURS"])),
        api_answers=forget_old_answers(now),
        sent_mails=_purge_sent_mails(now - timedelta(days=config["SENT_MAIL_DAYS"])),
        read_notifications=_purge_read_notifications(now - timedelta(
            days=config["READ_NOTIFICATION_DAYS"])))
    db.session.commit()
    return removed


def _purge_searches(before: date) -> int:
    return db.session.execute(delete(SearchLog).where(SearchLog.searched_on < before)).rowcount


def _purge_read_notifications(before: datetime) -> int:
    return db.session.execute(delete(Notification).where(Notification.read_at < before)
                              .execution_options(synchronize_session=False)).rowcount


def _forget_audit_addresses(before: datetime) -> int:
    return db.session.execute(update(AuditEvent).where(
        AuditEvent.at < before, AuditEvent.address.is_not(None)).values(address=None)
        .execution_options(synchronize_session=False)).rowcount


def _purge_sessions(before: datetime) -> int:
    """Ended sessions, and open ones unused so long that they can only have expired."""
    return db.session.execute(delete(UserSession).where(or_(
        UserSession.ended_at < before, UserSession.last_seen_at < before))
        .execution_options(synchronize_session=False)).rowcount


def _purge_sent_mails(before: datetime) -> int:
    """Sent mails, and failed ones (by when they were made), with their texts."""
    return db.session.execute(delete(OutboxMail).where(or_(
        OutboxMail.sent_at < before,
        (OutboxMail.status == Status.FAILED) & (OutboxMail.created_at < before)))
        .execution_options(synchronize_session=False)).rowcount


def _purge_staged_imports(before: datetime) -> int:
    """Uploads waiting for the import's confirmation (instance/imports/) left unconfirmed."""
    folder = Path(current_app.instance_path) / "imports"
    stale = [path for path in folder.glob("*") if path.is_file()
             and path.stat().st_mtime < before.timestamp()] if folder.is_dir() else []
    for path in stale:
        path.unlink(missing_ok=True)
    return len(stale)


class RetentionSchedule:
    """Once a day in a served instance; started with the first request, after gunicorn forked."""

    def __init__(self, app: Flask):
        self.app = app
        self.check_seconds = app.config["RETENTION_CHECK_MINUTES"] * 60
        self.stamps = Path(app.instance_path) / "retention"
        self._thread: threading.Thread | None = None
        self._thread_pid: int | None = None

    def ensure_started(self) -> None:
        if not self.check_seconds or (self._thread is not None and self._thread.is_alive()
                                      and self._thread_pid == os.getpid()):
            return
        self._thread_pid = os.getpid()
        self._thread = threading.Thread(target=self._run, name="rugzak-retention", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            self.run_if_due(utcnow())
            time.sleep(self.check_seconds)

    def run_if_due(self, now: datetime) -> Removed | None:
        """Apply retention unless it was done today (in any worker of this instance)."""
        stamp = self.stamps / now.date().isoformat()
        if stamp.exists():
            return None
        with self.app.app_context():
            try:
                removed = apply_retention(now)
                remind_due(now)  # the other daily task: "Klopt dit nog?" (rugzak/freshness)
            except Exception:  # noqa: BLE001 - try again at the next check
                log.exception("retention run failed")
                return None
            finally:
                db.session.remove()
        self.stamps.mkdir(parents=True, exist_ok=True)
        for old in self.stamps.glob("*"):
            old.unlink(missing_ok=True)
        stamp.touch()
        log.info("retention: %s", asdict(removed))
        return removed


def init_retention(app: Flask) -> None:
    app.extensions[EXTENSION] = RetentionSchedule(app)

    @app.before_request
    def _start_retention():
        app.extensions[EXTENSION].ensure_started()
