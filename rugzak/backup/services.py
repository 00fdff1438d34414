"""Backing up and restoring whichever database the app uses; restore rebuilds the index."""
from __future__ import annotations

from pathlib import Path

from flask import current_app
from flask_migrate import upgrade

from ..audit.models import Action
from ..audit.services import record
from ..extensions import db
from ..search.service import search_service
from . import postgres, sqlite


class BackupError(Exception):
    """Why a backup or restore cannot be made, in Dutch."""


def backup_database(file: Path) -> None:
    file = file.resolve()
    if not file.parent.is_dir():
        raise BackupError(f"De map {file.parent} bestaat niet.")
    url = db.engine.url
    try:
        if url.get_backend_name() == "sqlite":
            sqlite.backup(Path(url.database), file)
        else:
            postgres.backup(url, file)
    except (OSError, postgres.ToolFailed) as error:
        raise BackupError(f"De back-up is niet gelukt: {error}") from None
    record(Action.BACKUP, detail=f"bestand: {file.name}")
    db.session.commit()


def restore_database(file: Path) -> int:
    """Bring the backup back, upgrade its schema if it is older, rebuild the search index.

    Returns the number of experiences in the rebuilt index.
    """
    file = file.resolve()
    url = db.engine.url
    _check_kind(file, url.get_backend_name())
    db.session.remove()
    db.engine.dispose()
    try:
        if url.get_backend_name() == "sqlite":
            sqlite.restore(file, Path(url.database))
        else:
            postgres.restore(file, url)
    except (OSError, postgres.ToolFailed) as error:
        raise BackupError(f"Terugzetten is niet gelukt: {error}") from None
    db.engine.dispose()
    upgrade(directory=current_app.extensions["migrate"].directory)
    record(Action.RESTORE, detail=f"bestand: {file.name}")
    db.session.commit()
    return search_service().rebuild()


def _check_kind(file: Path, backend: str) -> None:
    if not file.is_file():
        raise BackupError(f"Het bestand {file} bestaat niet.")
    if backend == "sqlite" and not sqlite.is_sqlite_file(file):
        raise BackupError("Dit is geen back-up van een SQLite-database van Rugzak.")
    if backend != "sqlite" and not postgres.is_dump_file(file):
        raise BackupError("Dit is geen back-up van een PostgreSQL-database (pg_dump, custom "
                          "format) van Rugzak.")
