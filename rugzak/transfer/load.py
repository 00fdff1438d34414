"""`rugzak import DIR`: an export back into an empty instance, exactly as it was."""
from __future__ import annotations

import json
from pathlib import Path
from typing import NoReturn

from flask_babel import gettext as _
from sqlalchemy import delete, func, insert, select, text

from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..errors import InvalidInput
from ..experiences.models import Experience
from ..extensions import db
from ..search.service import search_service
from .export import FORMAT, FORMAT_VERSION, MANIFEST
from .tables import TABLES
from .values import from_json


def is_export(folder: Path) -> bool:
    return folder.is_dir() and (folder / MANIFEST).is_file()


def check_export(folder: Path) -> dict[str, int]:
    """Everything that can be checked without writing; returns the rows per table. Raises
    InvalidInput ("export") with the reason, in Dutch."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        _refuse(_("%(file)s is geen leesbaar manifest.", file=folder / MANIFEST))
    if manifest.get("format") != FORMAT or manifest.get("version") != FORMAT_VERSION:
        _refuse(_("Deze map is geen export van deze versie van Rugzak."))
    missing = [entry.name for entry in TABLES if not (folder / f"{entry.name}.json").is_file()]
    if missing:
        _refuse(_("De export mist bestanden: %(files)s.",
                  files=", ".join(f + ".json" for f in missing)))
    if _count(User) or _count(Experience):
        _refuse(_("Een export gaat alleen in een lege installatie (zonder gebruikers en "
                  "ervaringen)."))
    return manifest.get("tables", {})


def _refuse(message: str) -> NoReturn:
    raise InvalidInput({"export": message}) from None


def load_export(folder: Path) -> dict[str, int]:
    """Replace the (empty) instance's tables by the export's, in one transaction."""
    check_export(folder)
    for entry in reversed(TABLES):  # the seeded taxonomy makes way for the exported one
        db.session.execute(delete(entry.table))
    counts = {}
    for entry in TABLES:
        rows = json.loads((folder / f"{entry.name}.json").read_text(encoding="utf-8"))
        columns = {column.name: column for column in entry.columns}
        values = [{name: from_json(columns[name], row.get(name)) for name in columns}
                  for row in rows]
        if values:
            db.session.execute(insert(entry.table), values)
        counts[entry.name] = len(values)
    _continue_sequences()
    record(Action.IMPORT, detail=f"export met {sum(counts.values())} rijen")
    db.session.commit()
    search_service().rebuild()
    return counts


def _continue_sequences() -> None:
    """PostgreSQL: new rows continue after the imported ids."""
    if db.session.get_bind().dialect.name != "postgresql":
        return
    for entry in TABLES:
        if "id" in entry.table.columns and entry.table.columns["id"].autoincrement:
            db.session.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{entry.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {entry.name}), 0) + 1, false)"))


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model)) or 0
