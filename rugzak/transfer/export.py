"""`rugzak export DIR`: every table as JSON and as CSV, a manifest and a README."""
from __future__ import annotations

import csv
import json
from pathlib import Path

from flask_babel import gettext as _
from sqlalchemy import select, text

from ..audit.models import Action
from ..audit.services import record
from ..csvcells import safe_cell
from ..errors import InvalidInput
from ..extensions import db
from ..timeutil import utcnow
from .tables import LEFT_OUT, TABLES, TableExport
from .values import to_csv, to_json

FORMAT = "rugzak-export"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"


def write_export(folder: Path) -> dict[str, int]:
    """Write the export; returns the number of rows per table. InvalidInput ("folder") for a
    folder that is not empty."""
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        raise InvalidInput({"folder": _("De map %(folder)s is niet leeg; kies een nieuwe of "
                                        "lege map.", folder=folder)})
    counts = {}
    for entry in TABLES:
        rows = _rows(entry)
        counts[entry.name] = len(rows)
        _write_json(folder / f"{entry.name}.json", [
            {column.name: to_json(column, row[column.name]) for column in entry.columns}
            for row in rows])
        _write_csv(folder / f"{entry.name}.csv", entry, rows)
    _write_json(folder / MANIFEST, {"format": FORMAT, "version": FORMAT_VERSION,
                                    "created_at": utcnow().isoformat(),
                                    "schema": _schema_revision(), "tables": counts})
    (folder / "README.txt").write_text(readme(counts), encoding="utf-8")
    record(Action.EXPORT, detail=f"{sum(counts.values())} rijen uit {len(counts)} tabellen")
    db.session.commit()
    return counts


def _rows(entry: TableExport) -> list[dict]:
    primary = list(entry.table.primary_key.columns)
    query = select(*entry.columns).order_by(*primary)
    return [dict(row._mapping) for row in db.session.execute(query)]


def _write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _write_csv(path: Path, entry: TableExport, rows: list[dict]) -> None:
    # utf-8-sig: spreadsheet programs then read the accents right
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow([column.name for column in entry.columns])
        for row in rows:
            writer.writerow([safe_cell(to_csv(column, row[column.name]))
                             for column in entry.columns])


def _schema_revision() -> str | None:
    return db.session.execute(text("SELECT version_num FROM alembic_version")).scalar()


def readme(counts: dict[str, int]) -> str:
    lines = [
        "Export van Rugzak",
        "=================",
        "",
        "Deze map bevat alle gegevens van Rugzak, per tabel twee keer:",
        "- <tabel>.json: de rijen als JSON (UTF-8); dit gebruikt `rugzak import` om alles",
        "  terug te zetten in een lege installatie.",
        "- <tabel>.csv: dezelfde rijen als CSV (UTF-8, komma's) voor een spreadsheet.",
        "",
        "Tijden staan in UTC (ISO 8601), datums als jjjj-mm-dd. Een lege cel is 'geen waarde'.",
        "Kolommen die op _id eindigen, verwijzen naar de id van een andere tabel.",
        "manifest.json noemt het formaat, het moment van de export en het aantal rijen.",
        "",
        "Niet in de export:",
        "- wachtwoorden (users zonder password_hash): na een import stelt iedereen een nieuw",
        "  wachtwoord in.",
        "- de zoekindex: die wordt na een import opnieuw opgebouwd.",
    ]
    lines += [f"- {name}: {reason}" for name, reason in LEFT_OUT.items()]
    lines += ["", "Bestanden:"]
    for entry in TABLES:
        lines.append(f"- {entry.name} ({counts.get(entry.name, 0)} rijen): {entry.description}")
        lines.append(f"  kolommen: {', '.join(column.name for column in entry.columns)}")
    return "\n".join(lines) + "\n"
