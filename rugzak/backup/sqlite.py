"""SQLite's online backup API: a consistent copy page by page, also while others write."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

HEADER = b"SQLite format 3\x00"


def is_sqlite_file(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(len(HEADER)) == HEADER


def copy_database(source: Path, target: Path) -> None:
    """Copy `source` into `target` in one step (one read snapshot): consistent, never half."""
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.execute("PRAGMA busy_timeout=10000")
        copy.execute("PRAGMA busy_timeout=10000")
        origin.backup(copy)
    origin.close()
    copy.close()


def backup(database: Path, file: Path) -> None:
    draft = file.with_name(f".{file.name}.{os.getpid()}.tmp")
    try:
        copy_database(database, draft)
        os.replace(draft, file)  # a finished backup or none at all
    finally:
        draft.unlink(missing_ok=True)


def restore(file: Path, database: Path) -> None:
    database.parent.mkdir(parents=True, exist_ok=True)
    copy_database(file, database)
