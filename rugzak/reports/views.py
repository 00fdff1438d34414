"""/verslag/<bron>: the reflection report as HTML and PDF; /zoeken/export.csv. All three are
expensive: they spend the budget of budget.py."""
from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, render_template, request, url_for
from flask_login import current_user

from ..audit.models import Action
from ..audit.services import record
from ..errors import InvalidInput, NotFound
from ..extensions import db
from ..insight.csvfile import csv_response
from .budget import in_a_slot, per_user
from .export import columns, experience_row
from .pdf import html_to_pdf
from .selections import EXPORT_LIMIT, SOURCES, search_results
from .services import Report, build_report, visible_in_order

bp = Blueprint("reports", __name__)


@bp.errorhandler(InvalidInput)
def selection_problem(problem: InvalidInput):
    """A selection that cannot be made: its Dutch messages on a page of their own."""
    db.session.rollback()
    return render_template("reports/problem.html", errors=problem.errors), 422


def _report(source: str) -> Report:
    if source not in SOURCES:
        raise NotFound()
    return build_report(current_user, SOURCES[source](current_user, request.args))


@bp.get("/verslag/<source>")
@per_user
def report(source: str):
    built = _report(source)
    return render_template("reports/report.html", report=built,
                           pdf_url=url_for(".report_pdf", source=source, **request.args))


@bp.get("/verslag/<source>.pdf")
@per_user
@in_a_slot
def report_pdf(source: str):
    built = _report(source)
    pdf = html_to_pdf(render_template("reports/pdf.html", report=built))
    record(Action.EXPORT, detail=f"reflectieverslag ({source}) als pdf: "
                                 f"{len(built.experiences)} ervaringen")
    db.session.commit()
    filename = f"reflectieverslag-{source}-{date.today().isoformat()}.pdf"
    return Response(pdf, mimetype="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.get("/zoeken/export.csv")
@per_user
def search_csv():
    ids = search_results(current_user, request.args, EXPORT_LIMIT)[1]
    experiences = visible_in_order(current_user, ids)
    record(Action.EXPORT, detail=f"zoekresultaat als csv: {len(experiences)} ervaringen")
    db.session.commit()
    return csv_response("zoekresultaat.csv", columns(),
                        [experience_row(e, current_user) for e in experiences])
