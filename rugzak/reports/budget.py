"""The budget of the expensive pages (a reflection report, its PDF, the search CSV).

Each user may ask for REPORTS_PER_MINUTE of them (counted in the database like every other
limit, so across workers), and all workers together make at most REPORT_SLOTS PDFs at once
(a PDF costs seconds of CPU; the HTML report and the CSV a fraction of one). A slot
is an flock on a file in the instance folder: free again when the request ends, and when a
worker dies mid-report. With fewer slots than workers, reports never occupy every worker, so
/healthz and ordinary pages stay fast; a request that finds every slot taken is answered at
once (503, Dutch, with Retry-After) instead of waiting in line.
"""
from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path

from flask import current_app, make_response
from flask_babel import gettext as _

from ..errors import error_response
from ..security.throttle import over_limit

SLOT_FOLDER = "report-slots"
BUSY_RETRY_SECONDS = 30


def per_user(view):
    """Counts against the user's REPORTS_PER_MINUTE; a Dutch 429 beyond it."""
    @wraps(view)
    def counted(*args, **kwargs):
        refusal = over_limit("reports", current_app.config["REPORTS_PER_MINUTE"])
        return refusal if refusal is not None else view(*args, **kwargs)

    return counted


def in_a_slot(view):
    """Made while holding one of the REPORT_SLOTS; a Dutch 503 at once when all are taken."""
    @wraps(view)
    def slotted(*args, **kwargs):
        with report_slot() as slot:
            return view(*args, **kwargs) if slot else busy()

    return slotted


@contextmanager
def report_slot() -> Iterator[bool]:
    """True while this request holds one of the slots; False when all are taken."""
    folder = Path(current_app.instance_path) / SLOT_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(current_app.config["REPORT_SLOTS"]):
        with open(folder / f"slot-{number}", "a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue
            try:
                yield True
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
            return
    yield False


def busy():
    message = _("Er worden nu al verslagen gemaakt. Probeer het over %(seconds)s seconden "
                "opnieuw.", seconds=BUSY_RETRY_SECONDS)
    response = make_response(error_response(503, message))
    response.headers["Retry-After"] = str(BUSY_RETRY_SECONDS)
    return response
