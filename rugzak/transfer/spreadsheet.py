"""Experiences from a spreadsheet (CSV or XLSX), one per row, checked row by row in Dutch.

The same rules as the form apply (experiences.services.find_problems); this module only turns
cells into an ExperienceInput and says which row and column a problem is in.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice
from pathlib import Path

from flask_babel import gettext as _
from sqlalchemy import select

from ..auth.models import User
from ..auth.roles import Role
from ..auth.services import find_user
from ..dates import parse_day
from ..errors import InvalidInput
from ..experiences.models import Effect, Kind, Status, Visibility
from ..experiences.services import ExperienceInput, find_problems
from ..extensions import db
from ..privacy.check import CONFIRM_FIELD, KIND_LABELS
from ..taxonomy.models import Condition, Department, Goal, Partner
from ..text import split_tags

MAX_ROWS = 5000
COLUMNS = {  # header in the sheet -> field of ExperienceInput
    "titel": "title", "situatie": "situation", "taak": "task", "aanpak": "approach",
    "resultaat": "result", "les": "lesson", "tip": "tip", "soort": "kind", "datum": "occurred_on",
    "afdelingen": "departments", "partners": "partners", "randvoorwaarden": "conditions",
    "doelen": "goals", "trefwoorden": "tags", "zichtbaarheid": "visibility", "status": "status",
    "auteur": "author", "geen_inwonersgegevens": "confirm_privacy",
}
HEADER_OF = {name: header for header, name in COLUMNS.items()}
REQUIRED = ("titel", "situatie", "les")
VISIBILITIES = {"intern": Visibility.INTERN, "met partners": Visibility.MET_PARTNERS,
                "met_partners": Visibility.MET_PARTNERS}
YES_NO = {"ja": True, "nee": False}
DELIMITERS = (";", ",", "\t")


@dataclass
class Problem:
    row: int | None  # as numbered in the spreadsheet; None for the file as a whole
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.row and self.column:
            return _("Rij %(number)s, kolom '%(column)s': %(message)s", number=self.row,
                     column=self.column, message=self.message)
        if self.row:
            return _("Rij %(number)s: %(message)s", number=self.row, message=self.message)
        return _("Bestand: %(message)s", message=self.message)


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
        sheet.problems.append(Problem(None, None, _("Het bestand is leeg.")))
        return sheet
    headers = [str(cell or "").strip().lower() for cell in table[0]]
    _check_headers(headers, sheet)
    if sheet.problems:
        return sheet
    lookups = _lookups()
    body = table[1:]
    if len(body) > MAX_ROWS:
        sheet.problems.append(Problem(None, None, _("Hoogstens %(count)d rijen per keer.",
                                                    count=MAX_ROWS)))
        return sheet
    for number, cells in enumerate(body, start=2):
        values = {header: cells[i] if i < len(cells) else None
                  for i, header in enumerate(headers) if header}
        if all(_text(value) == "" for value in values.values()):
            continue
        _read_row(number, values, lookups, default_author, sheet)
    if not sheet.rows and not sheet.problems:
        sheet.problems.append(Problem(None, None, _("Er staan geen ervaringen in het bestand.")))
    return sheet


def _cells(name: str, content: bytes) -> list[list]:
    """The header and at most one row beyond the limit: enough to say a sheet is too long."""
    suffix = Path(name).suffix.lower()
    if suffix == ".xlsx":
        return _xlsx_cells(content)
    if suffix == ".csv":
        return _csv_cells(content)
    raise InvalidInput({"file": _("Kies een CSV- of XLSX-bestand (Excel).")})


def _first_rows(rows) -> list[list]:
    return [list(row) for row in islice(rows, MAX_ROWS + 2)]


def _csv_cells(content: bytes) -> list[list]:
    unreadable = InvalidInput({"file": _("Dit CSV-bestand kunnen we niet lezen: het bevat geen "
                                         "tekst. Bewaar het opnieuw als CSV, of kies een "
                                         "XLSX-bestand.")})
    if b"\x00" in content:  # a binary file (or UTF-16) named .csv
        raise unreadable
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows
    delimiter = _delimiter(text.partition("\n")[0])
    try:
        return _first_rows(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error:
        raise unreadable from None


def _delimiter(header_line: str) -> str:
    """The delimiter that splits the header line into the most known column names (Dutch
    Excel writes `;`); the one it holds most of when no name is known."""
    def known(delimiter: str) -> int:
        cells = next(csv.reader([header_line], delimiter=delimiter), [])
        return sum(cell.strip().lower() in COLUMNS for cell in cells)
    return max(DELIMITERS, key=lambda d: (known(d), header_line.count(d)))


def _xlsx_cells(content: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise InvalidInput({"file": _("Dit XLSX-bestand kunnen we niet lezen. Bewaar het "
                                      "opnieuw als Excel-werkmap (.xlsx) of als CSV.")}) from None
    try:
        return _first_rows(workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()


def _check_headers(headers: list[str], sheet: Sheet) -> None:
    unknown = [h for h in headers if h and h not in COLUMNS]
    if unknown:
        sheet.problems.append(Problem(1, None, _(
            "Onbekende kolom(men): %(columns)s. Gebruik: %(known)s.",
            columns=_quoted(unknown), known=", ".join(COLUMNS))))
    missing = [h for h in REQUIRED if h not in headers]
    if missing:
        sheet.problems.append(Problem(1, None, _("Deze kolommen ontbreken: %(columns)s.",
                                                 columns=_quoted(missing))))


def _quoted(names: list[str]) -> str:
    return ", ".join(f"'{name}'" for name in names)


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
            problem("soort", _("'%(value)s' is geen soort; kies succes, knelpunt, les of "
                               "vraag.", value=kind))
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
            problem("zichtbaarheid", _("Vul 'intern' of 'met partners' in."))
    status = _text(values.get("status")).lower()
    if status:
        data.status = status if status in set(Status) else ""
        if not data.status:
            problem("status", _("Vul 'gepubliceerd' of 'concept' in."))
    data.confirm_privacy = _yes_no(values.get("geen_inwonersgegevens"),
                                   lambda m: problem("geen_inwonersgegevens", m))
    author = _author(values.get("auteur"), default_author, lambda m: problem("auteur", m))
    refusal = find_problems(author or _stand_in(), data, historic=True)
    for name, message in (refusal.errors.items() if refusal else ()):
        if name == CONFIRM_FIELD:
            problems.extend(_resident_data(number, refusal.extra["findings"]))
        elif not any(p.column == HEADER_OF[name] for p in problems):
            problem(HEADER_OF[name], message)
    sheet.problems.extend(problems)
    if not problems:
        sheet.rows.append(Row(number, author, data))


def _stand_in() -> User:
    """Checks a row whose author is unknown, so that every other problem is reported too."""
    return User(role=Role.MEDEWERKER)


def _resident_data(number: int, findings: list[dict]) -> list[Problem]:
    """One problem per finding of the resident-data check, in the column it was found in."""
    return [Problem(number, HEADER_OF[found["field"]], _(
        "lijkt een %(kind)s te bevatten: \"%(context)s\". Haal het weg, of zet 'ja' in de "
        "kolom 'geen_inwonersgegevens' als het geen gegevens van inwoners zijn.",
        kind=KIND_LABELS[found["kind"]], context=found["context"].strip()))
        for found in findings]


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
    try:
        return parse_day(raw)
    except ValueError:
        report(_("'%(value)s' is geen datum; schrijf bijvoorbeeld 2025-03-14 of 14-03-2025.",
                 value=raw))
        return None


def _yes_no(value, report) -> bool:
    answer = _text(value).lower()
    if answer and answer not in YES_NO:
        report(_("Vul 'ja' of 'nee' in."))
    return YES_NO.get(answer, False)


def _conditions(value, lookup: dict[str, str], report) -> dict[str, str]:
    chosen = {}
    for item in _items(value):
        name, _sep, effect = item.rpartition(":")
        name, effect = name.strip(), effect.strip().lower()
        if not name or effect not in set(Effect):
            report(_("Schrijf '%(item)s' als 'naam: hielp' of 'naam: ontbrak'.", item=item))
            continue
        chosen[lookup.get(name.lower(), name)] = effect
    return chosen


def _author(value, default_author: User | None, report) -> User | None:
    email = _text(value)
    if not email:
        if default_author is None:
            report(_("Vul het e-mailadres van de auteur in."))
        return default_author
    user = find_user(email)
    if user is None:
        report(_("Er is geen gebruiker met e-mailadres %(email)s.", email=email))
    return user
