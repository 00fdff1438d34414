"""/beheer/overdracht: a page with one button that downloads the handover package (ZIP).

Making it renders PDFs, so it spends the report budget (rugzak/reports/budget.py).
"""
from __future__ import annotations

import io
from datetime import date

from flask import Blueprint, render_template, send_file, url_for
from flask_login import current_user

from ..auth.policies import only_if
from ..reports.budget import in_a_slot, per_user
from .policies import may_hand_over
from .services import SESSIONS, write_handover

bp = Blueprint("handover", __name__, url_prefix="/beheer/overdracht")


@bp.app_template_global()
def handover_link() -> str | None:
    return url_for("handover.index") if may_hand_over(current_user) else None


@bp.get("")
@only_if(may_hand_over)
def index():
    return render_template("handover/index.html", sessions=SESSIONS)


@bp.post("")
@only_if(may_hand_over)
@per_user
@in_a_slot
def download():
    package = io.BytesIO()
    write_handover(current_user, package)
    package.seek(0)
    return send_file(package, mimetype="application/zip", as_attachment=True,
                     download_name=f"rugzak-overdracht-{date.today().isoformat()}.zip")
