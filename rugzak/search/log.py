"""The search log: what was searched and how much it found, never who searched.

A search only appends to this process's buffer; a background thread writes the buffer in one
transaction every SEARCH_LOG_FLUSH_SECONDS (and when the process exits normally), so no search
waits for a database write. A crash loses at most the searches of those last seconds. With 0
seconds (the tests) each search is written at once.
"""
from __future__ import annotations

import atexit
import logging
import os
import threading
from datetime import date

from flask import Flask, current_app
from sqlalchemy import Date, Integer, String, insert
from sqlalchemy.orm import Mapped, Session, mapped_column

from ..extensions import db

log = logging.getLogger(__name__)
EXTENSION = "rugzak.search_log"
QUERY_MAX = 500
MAX_WAITING = 10_000  # rows kept while the database is away; older ones are dropped


class SearchLog(db.Model):
    __tablename__ = "search_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    query: Mapped[str] = mapped_column(String(QUERY_MAX))
    hits: Mapped[int] = mapped_column(Integer)
    searched_on: Mapped[date] = mapped_column(Date, default=date.today, index=True)


def log_search(text: str, hits: int) -> None:
    text = " ".join(text.split())[:QUERY_MAX]
    if text:
        current_app.extensions[EXTENSION].add(text, hits)


def flush_search_log() -> int:
    """Write this process's waiting searches now."""
    return current_app.extensions[EXTENSION].flush()


class SearchLogWriter:
    """Searches waiting to be written; one writer thread per process, started after gunicorn
    forked (with the first search logged)."""

    def __init__(self, app: Flask):
        self.app = app
        self.seconds = app.config["SEARCH_LOG_FLUSH_SECONDS"]
        self._waiting: list[dict] = []
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._thread_pid: int | None = None
        self._stopping = False

    def add(self, text: str, hits: int) -> None:
        with self._lock:
            self._waiting.append({"query": text, "hits": hits, "searched_on": date.today()})
        if self.seconds:
            self._ensure_started()
        else:
            self.flush()

    def flush(self) -> int:
        """Write what waits, in one transaction; on failure it waits for the next flush."""
        with self._lock:
            rows, self._waiting = self._waiting, []
        if not rows:
            return 0
        try:
            with self.app.app_context(), Session(db.engine) as session:
                session.execute(insert(SearchLog), rows)
                session.commit()
        except Exception:
            with self._lock:
                self._waiting = (rows + self._waiting)[-MAX_WAITING:]
            raise
        return len(rows)

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        atexit.unregister(self._flush_quietly)
        self._flush_quietly()

    def _ensure_started(self) -> None:
        running = self._thread is not None and self._thread_pid == os.getpid() \
            and self._thread.is_alive()
        if running or self._stopping:
            return
        self._thread_pid = os.getpid()
        self._thread = threading.Thread(target=self._run, name="rugzak-search-log", daemon=True)
        self._thread.start()
        atexit.register(self._flush_quietly)  # gunicorn's workers exit through sys.exit

    def _run(self) -> None:
        while not self._stopping:
            self._wake.wait(self.seconds)
            self._flush_quietly()

    def _flush_quietly(self) -> None:
        try:
            self.flush()
        except Exception:  # noqa: BLE001 - the database may be away; the next flush retries
            log.exception("writing the search log failed")


def init_search_log(app: Flask) -> None:
    app.extensions[EXTENSION] = SearchLogWriter(app)
