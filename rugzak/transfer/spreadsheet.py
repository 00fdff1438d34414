"""Experiences from a spreadsheet (CSV or XLSX), one per row, checked row by row in Dutch.

The same rules as the form apply (experiences.services.find_problems); this module only turns
cells into an ExperienceInput and says which row and column a problem is in.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from flask_babel import gettext as _
from sqlalchemy import select

from ..auth.models import User
from ..auth.services import find_user
from ..errors import InvalidInput
from ..experiences.models import Effect, Kind, Status, Visibility
from ..experiences.services import ExperienceInput, find_problems
from ..extensions import db
from ..privacy.check import CONFIRM_FIELD
from ..taxonomy.models import Condition, Department, Goal, Partner
from ..text import split_tags

MAX_ROWS = 5000
COLUMNS = {  # header in the sheet -> field of ExperienceInput
    "titel": "title", "situatie": "situation", "taak": "task", "aanpak": "approach",
    "resultaat": "result", "les": "lesson", "tip": "tip", "soort": "kind", "datum": "occurred_on",
    "afdelingen": "departments", "partners": "partners", "randvoorwaarden": "conditions",
    "doelen": "goals", "trefwoorden": "tags", "zichtbaarheid": "visibility", "status": "status",
    "auteur": "author",
}
HEADER_OF = {name: header for header, name in COLUMNS.items()}
REQUIRED = ("titel", "situatie", "les")
VISIBILITIES = {"intern": Visibility.INTERN, "met partners": Visibility.MET_PARTNERS,
                "met_partners": Visibility.MET_PARTNERS}


@dataclass
class Problem:
    row: int | None  # as numbered in the spreadsheet; None for the file as a whole
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"Rij {self.row}" if self.row else "Bestand"
        if self.column:
            where += f", kolom '{self.column}'"
        return f"{where}: {self.message}"


@dataclass
class Row:
    number: int
    author: User | None
    data: ExperienceInput


@dataclass
class Sheet:
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_sheet(name: str, content: bytes, default_author: User | None) -> Sheet:
    """Parse and check every row; nothing is written. InvalidInput ("file") for a file that
    is no spreadsheet at all."""
    table = _cells(name, content)
    sheet = Sheet()
    if not table:
        sheet.problems.append(Problem(None, None, "Het bestand is leeg."))
        return sheet
    headers = [str(cell or "").strip().lower() for cell in table[0]]
    _check_headers(headers, sheet)
    if sheet.problems:
        return sheet
    lookups = _lookups()
    body = table[1:]
    if len(body) > MAX_ROWS:
        sheet.problems.append(Problem(None, None, f"Hoogstens {MAX_ROWS} rijen per keer."))
        return sheet
    for number, cells in enumerate(body, start=2):
        values = {header: cells[i] if i < len(cells) else None
                  for i, header in enumerate(headers) if header}
        if all(_text(value) == "" for value in values.values()):
            continue
        _read_row(number, values, lookups, default_author, sheet)
    if not sheet.rows and not sheet.problems:
        sheet.problems.append(Problem(None, None, "Er staan geen ervaringen in het bestand."))
    return sheet


def _cells(name: str, content: bytes) -> list[list]:
    suffix = Path(name).suffix.lower()
    if suffix == ".xlsx":
        return _xlsx_cells(content)
    if suffix == ".csv":
        return _csv_cells(content)
    raise InvalidInput({"file": _("Kies een CSV- of XLSX-bestand (Excel).")})


def _csv_cells(content: bytes) -> list[list]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect)]


def _xlsx_cells(content: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise InvalidInput({"file": _("Dit XLSX-bestand kunnen we niet lezen. Bewaar het "
                                      "opnieuw als Excel-werkmap (.xlsx) of als CSV.")}) from None
    try:
        return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def _check_headers(headers: list[str], sheet: Sheet) -> None:
    unknown = [h for h in headers if h and h not in COLUMNS]
    if unknown:
        sheet.problems.append(Problem(1, None, "Onbekende kolom(men): " + ", ".join(
            f"'{h}'" for h in unknown) + ". Gebruik: " + ", ".join(COLUMNS) + "."))
    missing = [h for h in REQUIRED if h not in headers]
    if missing:
        sheet.problems.append(Problem(1, None, "Deze kolommen ontbreken: " + ", ".join(
            f"'{h}'" for h in missing) + "."))


def _lookups() -> dict[str, dict[str, str]]:
    """Slug or name (any case) -> slug, per list."""
    found = {}
    for name, model in (("departments", Department), ("partners", Partner),
                        ("goals", Goal), ("conditions", Condition)):
        rows = db.session.execute(select(model.slug, model.name)).all()
        found[name] = {key.lower(): slug for slug, label in rows for key in (slug, label)}
    return found


def _read_row(number: int, values: dict, lookups: dict, default_author: User | None,
              sheet: Sheet) -> None:
    problems: list[Problem] = []

    def problem(header: str, message: str) -> None:
        problems.append(Problem(number, header, message))

    data = ExperienceInput(status=Status.GEPUBLICEERD)
    for header in ("titel", "situatie", "taak", "aanpak", "resultaat", "les", "tip"):
        setattr(data, COLUMNS[header], _text(values.get(header)))
    kind = _text(values.get("soort")).lower()
    if kind:
        data.kind = kind if kind in set(Kind) else ""
        if not data.kind:
            problem("soort", f"'{kind}' is geen soort; kies succes, knelpunt, les of vraag.")
    data.occurred_on = _date(values.get("datum"), lambda m: problem("datum", m))
    for header in ("afdelingen", "partners", "doelen"):
        name = COLUMNS[header]
        data_items = [lookups[name].get(item.lower(), item) for item in _items(values.get(header))]
        setattr(data, name, data_items)
    data.conditions = _conditions(values.get("randvoorwaarden"), lookups["conditions"],
                                  lambda m: problem("randvoorwaarden", m))
    data.tags = split_tags(_text(values.get("trefwoorden")))
    visibility = _text(values.get("zichtbaarheid")).lower()
    if visibility:
        data.visibility = VISIBILITIES.get(visibility, "")
        if not data.visibility:
            problem("zichtbaarheid", "Vul 'intern' of 'met partners' in.")
    status = _text(values.get("status")).lower()
    if status:
        data.status = status if status in set(Status) else ""
        if not data.status:
            problem("status", "Vul 'gepubliceerd' of 'concept' in.")
    author = _author(values.get("auteur"), default_author, lambda m: problem("auteur", m))
    refusal = find_problems(author, data) if author is not None else None
    for name, message in (refusal.errors.items() if refusal else ()):
        for header in _headers_of(name, refusal):
            if not any(p.column == header for p in problems):
                problem(header, message)
    sheet.problems.extend(problems)
    if not problems:
        sheet.rows.append(Row(number, author, data))


def _headers_of(name: str, refusal: InvalidInput) -> list[str]:
    """The columns a service's message is about; the resident-data check names the texts in
    which it found something."""
    if name == CONFIRM_FIELD:
        return sorted({HEADER_OF[found["field"]] for found in refusal.extra["findings"]})
    return [HEADER_OF[name]]


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _items(value) -> list[str]:
    return [item.strip() for item in _text(value).replace(";", ",").split(",") if item.strip()]


def _date(value, report) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = _text(value)
    if not raw:
        return None
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    report(f"'{raw}' is geen datum; schrijf bijvoorbeeld 2025-03-14 of 14-03-2025.")
    return None


def _conditions(value, lookup: dict[str, str], report) -> dict[str, str]:
    chosen = {}
    for item in _items(value):
        name, _sep, effect = item.rpartition(":")
        name, effect = name.strip(), effect.strip().lower()
        if not name or effect not in set(Effect):
            report(f"Schrijf '{item}' als 'naam: hielp' of 'naam: ontbrak'.")
            continue
        chosen[lookup.get(name.lower(), name)] = effect
    return chosen


def _author(value, default_author: User | None, report) -> User | None:
    email = _text(value)
    if not email:
        if default_author is None:
            report("Vul het e-mailadres van de auteur in.")
        return default_author
    user = find_user(email)
    if user is None:
        report(f"Er is geen gebruiker met e-mailadres {email}.")
    return user
