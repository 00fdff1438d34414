"""Writing a checked spreadsheet: every row or none, in one transaction."""
from __future__ import annotations

from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..experiences.services import add_experience
from ..extensions import db
from .policies import ensure_may_import
from .spreadsheet import Sheet


def save_sheet(actor: User | None, sheet: Sheet, filename: str) -> int:
    """Save the rows of a sheet without problems; returns how many experiences were added.
    Each row goes through the experience service, with all its rules; `actor` None is the
    operator on the server's command line."""
    ensure_may_import(actor)
    if sheet.problems:
        raise ValueError("a sheet with problems is never saved")
    for row in sheet.rows:
        add_experience(row.author, row.data, historic=True, confirmed_by=actor)
    record(Action.IMPORT, detail=f"{len(sheet.rows)} ervaringen uit {filename}"[:200])
    db.session.commit()
    return len(sheet.rows)
