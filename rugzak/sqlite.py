"""SQLite under several gunicorn workers: WAL, a busy timeout, and write transactions that
take the write lock when they begin, so a save never answers "database is locked". With
`secure_delete` on, and a WAL checkpoint after an erasure, erased data leaves the files.

Why: in a DEFERRED transaction the first read fixes a snapshot; when another worker commits
after that, the later write cannot upgrade and fails at once with SQLITE_BUSY, whatever the
busy timeout. `BEGIN IMMEDIATE` takes the write lock up front (waiting up to the busy
timeout), so reads and writes of one save see one state. This is SQLAlchemy's documented
pysqlite recipe: switch off the driver's own BEGIN and emit ours.

- Transactions that may write (a POST/PUT/DELETE request, the command line, scripts) begin
  IMMEDIATE.
- Reading requests (GET/HEAD/OPTIONS) and the search indexer (`reading_only()`) begin
  DEFERRED, so they never queue behind a save. Should one of them write after all (the search
  log, an API token's last use), its first flush or DML statement ends the read-only
  transaction and begins an IMMEDIATE one on the same connection: nothing was written yet,
  so nothing is lost, and the write waits for the lock instead of failing.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from flask import has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
MODE = "rugzak.sqlite.begin"
_reading_only: ContextVar[bool] = ContextVar("rugzak_sqlite_reading_only", default=False)


def configure_sqlite(engine: Engine, sessions) -> None:
    """`sessions`: the app's session factory (Flask-SQLAlchemy's `db.session`, shared by every
    app of a process, so its hooks go on once), never SQLAlchemy's global `Session`."""
    _take_write_lock_on_first_write(sessions)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # the driver emits no BEGIN; _on_begin does
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")  # deleted content is zeroed, not left behind
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        mode = "DEFERRED" if _only_reads() else "IMMEDIATE"
        connection.exec_driver_sql(f"BEGIN {mode}")
        connection.info[MODE] = mode


def checkpoint(engine: Engine) -> None:
    """Copy the WAL into the database file and empty it, so that no older version of a page
    (such as one that held what an erasure removed) stays behind in the WAL."""
    if engine.dialect.name != "sqlite":
        return
    connection = engine.raw_connection()  # no BEGIN: a checkpoint runs outside a transaction
    try:
        connection.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


@contextmanager
def reading_only():
    """Transactions begun inside this block (this thread) only read, e.g. the indexer."""
    token = _reading_only.set(True)
    try:
        yield
    finally:
        _reading_only.reset(token)


def _only_reads() -> bool:
    if _reading_only.get():
        return True
    return has_request_context() and request.method in SAFE_METHODS


def _take_write_lock(session: Session) -> None:
    if session.get_bind().dialect.name != "sqlite" or session.in_nested_transaction():
        return
    connection = session.connection()
    if connection.info.get(MODE) == "DEFERRED":
        connection.exec_driver_sql("COMMIT")  # only reads so far: nothing to lose
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        connection.info[MODE] = "IMMEDIATE"


def _take_write_lock_on_first_write(sessions) -> None:
    for name, hook in (("before_flush", _before_flush), ("do_orm_execute", _before_dml)):
        if not event.contains(sessions, name, hook):
            event.listen(sessions, name, hook)


def _before_flush(session: Session, _context, _instances) -> None:
    _take_write_lock(session)


def _before_dml(state) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        _take_write_lock(state.session)
