"""CSV downloads that open well in Dutch spreadsheet programs and cannot run formulas."""
from __future__ import annotations

import csv
import io

from flask import Response

from ..csvcells import safe_cell


def csv_response(filename: str, columns: list[str], rows: list[list]) -> Response:
    return Response(csv_text(columns, rows), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def csv_text(columns: list[str], rows: list[list]) -> str:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # byte order mark: Excel then reads UTF-8
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([safe_cell(column) for column in columns])
    writer.writerows([safe_cell(value) for value in row] for row in rows)
    return buffer.getvalue()
