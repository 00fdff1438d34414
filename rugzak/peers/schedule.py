"""The served app follows its peers by itself: every PEER_SYNC_MINUTES (default 60; 0: off) a
thread per worker process wakes at the start of the period, and the one worker that claims the
period's stamp in the instance folder syncs every peer (as `rugzak peers sync` does)."""
from __future__ import annotations

import logging
import os
import threading
import time
from datetime import datetime
from pathlib import Path

from flask import Flask

from ..extensions import db
from ..timeutil import utcnow
from .sync import PeerError, sync_all

log = logging.getLogger(__name__)
EXTENSION = "rugzak.peer_sync"


class PeerSyncSchedule:
    """Started with the first request, after gunicorn forked (as the retention schedule)."""

    def __init__(self, app: Flask):
        self.app = app
        self.period_seconds = app.config["PEER_SYNC_MINUTES"] * 60
        self.stamps = Path(app.instance_path) / "peer-sync"
        self._thread: threading.Thread | None = None
        self._thread_pid: int | None = None

    def ensure_started(self) -> None:
        if not self.period_seconds or (self._thread is not None and self._thread.is_alive()
                                       and self._thread_pid == os.getpid()):
            return
        self._thread_pid = os.getpid()
        self._thread = threading.Thread(target=self._run, name="rugzak-peer-sync", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            self.run_if_due(utcnow())
            time.sleep(self.period_seconds - time.time() % self.period_seconds + 1)

    def run_if_due(self, now: datetime) -> dict[str, int | str] | None:
        """Sync every peer unless another worker (or an earlier call) did in this period:
        per peer's name its number of changes or its error."""
        if not self._claim(int(now.timestamp() // self.period_seconds)):
            return None
        with self.app.app_context():
            try:
                results = {peer.name: str(outcome) if isinstance(outcome, PeerError) else outcome
                           for peer, outcome in sync_all()}
            except Exception:  # noqa: BLE001 - the next period tries again
                log.exception("peer sync failed")
                return None
            finally:
                db.session.remove()
        log.info("peer sync: %s", results)
        return results

    def _claim(self, period: int) -> bool:
        """Create this period's stamp; False when it exists. Older stamps are removed."""
        self.stamps.mkdir(parents=True, exist_ok=True)
        try:
            (self.stamps / str(period)).open("x").close()
        except FileExistsError:
            return False
        for old in self.stamps.glob("*"):
            if old.name != str(period):
                old.unlink(missing_ok=True)
        return True


def init_peer_sync(app: Flask) -> None:
    app.extensions[EXTENSION] = PeerSyncSchedule(app)

    @app.before_request
    def _start_peer_sync():
        app.extensions[EXTENSION].ensure_started()
