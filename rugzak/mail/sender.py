"""Sending due mail in the background of a served instance: a thread per worker process,
only when mail is configured and MAIL_POLL_SECONDS is not 0. The outbox's claims keep the
workers (and `rugzak mail send` from cron) from sending a mail twice."""
from __future__ import annotations

import logging
import os
import threading
import time

from flask import Flask

from ..extensions import db
from .services import send_due
from .smtp import mail_configured

log = logging.getLogger(__name__)
EXTENSION = "rugzak.mail"


class BackgroundSender:
    """Started with the first request, after gunicorn forked (as the search indexer)."""

    def __init__(self, app: Flask):
        self.app = app
        self.poll_seconds = app.config["MAIL_POLL_SECONDS"] if app.config["MAIL_HOST"] else 0
        self._thread: threading.Thread | None = None
        self._thread_pid: int | None = None

    def ensure_started(self) -> None:
        if not self.poll_seconds or (self._thread is not None and self._thread.is_alive()
                                     and self._thread_pid == os.getpid()):
            return
        self._thread_pid = os.getpid()
        self._thread = threading.Thread(target=self._run, name="rugzak-mail", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            self.send_once()
            time.sleep(self.poll_seconds)

    def send_once(self) -> None:
        with self.app.app_context():
            try:
                run = send_due()
                if run.sent or run.retried or run.failed:
                    log.info("mail: %s", run)
            except Exception:  # noqa: BLE001 - try again at the next poll
                log.exception("sending mail failed")
            finally:
                db.session.remove()


def init_mail(app: Flask) -> None:
    app.extensions[EXTENSION] = BackgroundSender(app)
    app.add_template_global(mail_configured)

    @app.before_request
    def _start_sending():
        app.extensions[EXTENSION].ensure_started()
