"""The search index of one process: open or rebuild it, keep it current, hand out searchers.

Index writes happen in one indexer thread per process, never on the request path. Several
processes share the index folder; Whoosh's lock lets one write at a time and the others simply
try again, since applying the change log is idempotent.
"""
from __future__ import annotations

import logging
import os
import threading
from contextlib import suppress
from pathlib import Path

from flask import Flask, current_app, has_app_context
from sqlalchemy import event
from sqlalchemy.orm import Session
from whoosh.index import LockError

from ..errors import ServiceError
from ..extensions import db
from ..sqlite import reading_only
from .changelog import log_flushed_changes, take_logged
from .log import EXTENSION as LOG_EXTENSION
from .log import init_search_log
from .segments import SEGMENTS
from .storage import IndexFolder
from .sync import (
    apply_pending,
    indexed_count,
    latest_change,
    rebuild_into,
    watermark_of,
    watermark_seen_by,
)

log = logging.getLogger(__name__)
EXTENSION = "rugzak.search"


class SearchService:
    def __init__(self, app: Flask):
        self.app = app
        self.folder = IndexFolder(Path(app.config["SEARCH_INDEX_PATH"]
                                       or Path(app.instance_path) / "search"))
        self.lock_timeout = app.config["SEARCH_LOCK_TIMEOUT"]
        self.poll_seconds = app.config["SEARCH_POLL_SECONDS"]
        self._wake = threading.Event()
        self._passes = threading.Condition()
        self._thread: threading.Thread | None = None
        self._thread_pid: int | None = None
        self._stopping = False
        self._local = threading.local()
        self._opened: tuple[str | None, object] | None = None
        self._applied: tuple[object, int] = (None, 0)  # (index, watermark) catch_up last saw
        self._open_lock = threading.Lock()

    # -- the index --------------------------------------------------------------------------
    def index(self):
        """The current index, opened once per folder; missing or unreadable means rebuild."""
        with self._open_lock:
            name = self.folder.current_name()
            if self._opened is None or self._opened[0] != name:
                ix = self._open_or_rebuild()
                self._opened = (self.folder.current_name(), ix)
            return self._opened[1]

    def _open_checked(self):
        ix = self.folder.open()
        watermark_of(ix)  # reads the TOC and a segment: proves it is usable
        return ix

    def heal(self) -> None:
        """Forget the index this process holds and open it afresh from disk, rebuilding it when
        it is damaged (a generation folder, the CURRENT pointer or a segment file missing or
        cut short). An index object or searcher that met damage stays broken even after the
        folder is repaired, so it is never reused."""
        with self._open_lock:
            self._opened = None
            self._forget_searcher()
            ix = self._open_or_rebuild()
            self._opened = (self.folder.current_name(), ix)

    def _open_or_rebuild(self):
        try:
            return self._open_checked()
        except Exception as error:  # noqa: BLE001 - any damage means: build it again
            log.warning("search index unusable (%s); rebuilding", error)
            return self._rebuild(force=False)

    def rebuild(self) -> int:
        with self._open_lock:
            ix = self._rebuild(force=True)
            self._opened = (self.folder.current_name(), ix)
        self.catch_up()
        return indexed_count(ix)

    def warm(self) -> None:
        """Read the frequent words' posting lists now, not in the first searches that need
        them (at start-up, in the indexer thread)."""
        try:
            with self.index().searcher() as searcher:  # its segments are the request threads'
                SEGMENTS.warm(searcher)
        except Exception:  # noqa: BLE001 - only a head start: searching works without it
            log.exception("search index could not be warmed")

    def _rebuild(self, force: bool):
        with self.folder.rebuild_lock(), Session(db.engine) as session:
            if not force:  # another process may have rebuilt it while we waited for the lock
                try:
                    return self._open_checked()
                except Exception:  # noqa: BLE001
                    pass
            name, ix = self.folder.create()
            rebuild_into(ix, session)
            self.folder.switch_to(name)
            return ix

    # -- following the change log ------------------------------------------------------------
    def catch_up(self) -> int:
        """Apply pending changes; 0 when another process holds the writer (it will do them).

        When the change log has not moved past what this process last found applied in this
        index, one cheap query answers: no Whoosh writer or searcher is opened. It only reads
        the database, in its own read-only session: holding SQLite's write lock while waiting
        for Whoosh's writer would deadlock with a process that holds them the other way round."""
        ix = self.index()
        with reading_only(), Session(db.engine) as session:
            applied_in, applied = self._applied
            if applied_in is ix and latest_change(session) <= applied:
                return 0
            try:
                progress = apply_pending(ix, session, self.lock_timeout)
            except LockError:
                return 0
        self._applied = (ix, progress.watermark)
        return progress.applied_changes

    def lag(self) -> int:
        with reading_only(), Session(db.engine) as session:
            return latest_change(session) - watermark_of(self.index())

    def notify(self) -> None:
        """Wake this process's indexer, if it runs (it starts with the first web request)."""
        self._wake.set()

    def wait_until_current(self, timeout: float) -> None:
        """Let a reader see their own recent save: wait (bounded) until the index has it.
        Its own read-only session: the request's may hold SQLite's write lock (a POST)."""
        with reading_only(), Session(db.engine) as session:
            target = latest_change(session)
        if self._seen_watermark() >= target:
            return
        self.ensure_indexer()
        with self._passes:
            self.notify()
            self._passes.wait_for(lambda: self._seen_watermark() >= target, timeout=timeout)

    def _seen_watermark(self) -> int:
        """The last change this thread's searcher sees (it reopens when the index changed)."""
        return watermark_seen_by(self.searcher())

    def ensure_indexer(self) -> None:
        """One indexer thread per process, started after gunicorn forks its workers."""
        if self._thread is not None and self._thread_pid == os.getpid() \
                and self._thread.is_alive():
            return
        self._thread_pid = os.getpid()
        self._thread = threading.Thread(target=self._run, name="rugzak-indexer", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop this process's indexer and write the search log's last searches."""
        self._stopping = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self.app.extensions[LOG_EXTENSION].stop()

    def _run(self) -> None:
        with self.app.app_context(), reading_only():
            self.warm()
            while not self._stopping:
                self._wake.wait(self.poll_seconds)
                self._wake.clear()
                try:
                    while self.catch_up():
                        pass
                except OSError as error:  # the index's files went away under it: heal, no trace
                    log.warning("search indexer pass failed (%r); reopening the index", error)
                    self._heal_quietly()
                except Exception:  # noqa: BLE001 - keep following; the next pass retries
                    log.exception("search indexer pass failed; reopening the index")
                    self._heal_quietly()
                finally:
                    db.session.remove()
                with self._passes:
                    self._passes.notify_all()

    def _heal_quietly(self) -> None:
        try:
            self.heal()
        except Exception:  # noqa: BLE001 - the database may be away too; the next pass retries
            log.exception("search index could not be reopened")

    # -- reading -----------------------------------------------------------------------------
    def searching(self, use):
        """`use(searcher)` with a searcher that sees the reader's own recent saves. When that
        fails, the index may be damaged under this process: heal it and try once more."""
        try:
            return use(self.current_searcher())
        except ServiceError:
            raise  # a refusal of the request, not a broken index
        except Exception as error:  # noqa: BLE001 - any damage shows up as some error
            log.warning("search failed (%r); reopening the index", error)
            self.heal()
        return use(self.current_searcher())

    def current_searcher(self):
        """A searcher for a reader's request: it sees their own recent saves (waiting at most
        SEARCH_WAIT_SECONDS for the indexer)."""
        self.wait_until_current(self.app.config["SEARCH_WAIT_SECONDS"])
        return self.searcher()

    def searcher(self):
        """A searcher per thread, reopened only when the index changed."""
        ix = self.index()
        cached = getattr(self._local, "searcher", None)
        if cached is None or self._local.ix is not ix or not cached.up_to_date():
            self._forget_searcher()
            # A fresh reader, not refresh(): reusing segment readers kept deleted (replaced)
            # documents visible in whoosh-reloaded 2.7.5.
            self._local.ix, self._local.searcher = ix, ix.searcher()
        return self._local.searcher

    def _forget_searcher(self) -> None:
        """Drop this thread's searcher; closing one whose files are gone may fail, harmlessly."""
        cached = getattr(self._local, "searcher", None)
        self._local.ix = self._local.searcher = None
        if cached is not None:
            with suppress(Exception):
                cached.close()


def init_search(app: Flask) -> None:
    app.extensions[EXTENSION] = SearchService(app)
    init_search_log(app)
    _follow_sessions(db.session)

    @app.before_request
    def _start_indexer():
        app.extensions[EXTENSION].ensure_indexer()


def search_service() -> SearchService:
    return current_app.extensions[EXTENSION]


def _follow_sessions(sessions) -> None:
    """Log what every flush changes; wake the indexer after a commit that logged changes.

    Flask-SQLAlchemy's `db.session` is one session factory for all apps of a process, so the
    hooks go on it once; when they run, they find the current app's indexer.
    """
    for name, hook in (("after_flush", log_flushed_changes), ("after_commit", _wake_indexer),
                       ("after_rollback", take_logged)):  # a rolled back change wakes no one
        if not event.contains(sessions, name, hook):
            event.listen(sessions, name, hook)


def _wake_indexer(session: Session) -> None:
    if take_logged(session) and has_app_context() and EXTENSION in current_app.extensions:
        current_app.extensions[EXTENSION].notify()
