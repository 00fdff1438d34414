"""Making the handover package: one ZIP with the complete export, the insight figures as CSV,
the period report and the last session summaries as PDF, and the guide LEESMIJ-overdracht.txt.

Every part is made by the feature that owns it, for `viewer` (what they may see is what the
package holds); the export holds everything, as `rugzak export` writes it.
"""
from __future__ import annotations

import tempfile
import zipfile
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import BinaryIO

from flask import render_template

from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..auth.policies import require
from ..extensions import db
from ..insight.csvfile import csv_text
from ..insight.selection import PeriodFilters
from ..insight.services import period_builders
from ..reflection.queries import last_closed_sessions, summary_context
from ..reports.pdf import html_to_pdf
from ..reports.selections import from_period
from ..reports.services import build_report
from ..transfer.export import write_export
from .policies import may_hand_over

GUIDE = "LEESMIJ-overdracht.txt"
SESSIONS = 5  # the last closed reflection sessions whose summaries go in


def write_handover(viewer: User, target: str | Path | BinaryIO) -> list[str]:
    """Write the package to `target` (a path or a binary file); returns the names in it. The
    audit event names the signed-in user, or no one: the operator on the command line."""
    require(may_hand_over(viewer))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        _add_export(archive)
        names = [*_add_figures(archive, viewer), _add_report(archive, viewer),
                 *_add_summaries(archive, viewer)]
        archive.writestr(GUIDE, guide(names))
        listed = archive.namelist()
    record(Action.EXPORT, detail=f"overdrachtspakket: {len(listed)} bestanden")
    db.session.commit()
    return listed


def _add_export(archive: zipfile.ZipFile) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "export"
        write_export(folder)
        for path in sorted(folder.iterdir()):
            archive.write(path, f"export/{path.name}")


def _add_figures(archive: zipfile.ZipFile, viewer: User) -> list[str]:
    names = []
    for key, build in period_builders(viewer, PeriodFilters.from_args({})).items():
        figure = build()
        names.append(f"inzicht/{key}.csv")
        archive.writestr(names[-1], csv_text(figure.columns, figure.rows))
    return names


def _add_report(archive: zipfile.ZipFile, viewer: User) -> str:
    report = build_report(viewer, from_period(viewer, {}))
    name = f"verslagen/periodeverslag-{date.today().isoformat()}.pdf"
    archive.writestr(name, html_to_pdf(render_template("reports/pdf.html", report=report)))
    return name


def _add_summaries(archive: zipfile.ZipFile, viewer: User) -> list[str]:
    names = []
    for session in last_closed_sessions(SESSIONS):
        names.append(f"verslagen/reflectiesessie-{session.id}-{session.held_on.isoformat()}.pdf")
        html = render_template("reflection/summary_pdf.html", **summary_context(viewer, session))
        archive.writestr(names[-1], html_to_pdf(html))
    return names


def guide(names: list[str]) -> str:
    """The guide (a data file) followed by the list of figure and report files."""
    text = files(__package__).joinpath(GUIDE).read_text("utf-8")
    return text.rstrip() + "\n\n## Bestanden in dit pakket\n\n" + "".join(
        f"- `{name}`\n" for name in names)
