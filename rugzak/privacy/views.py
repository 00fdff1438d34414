"""/privacy-meldingen: confirmed findings of the resident-data check, for the kernteam."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..experiences.visibility import visible_clause
from ..extensions import db
from .check import FIELD_LABELS, KIND_LABELS, resident_data_findings
from .models import PrivacyFinding

bp = Blueprint("privacy", __name__)


@bp.app_context_processor
def _form_helpers() -> dict:
    return {"resident_data_findings": resident_data_findings,
            "privacy_kind_labels": KIND_LABELS, "privacy_field_labels": FIELD_LABELS}


def require_curator() -> None:
    if not current_user.is_curator:
        abort(403)


@bp.get("/privacy-meldingen")
def findings():
    require_curator()
    query = (select(PrivacyFinding).join(PrivacyFinding.experience)
             .where(visible_clause(current_user))
             .options(joinedload(PrivacyFinding.experience),
                      joinedload(PrivacyFinding.confirmed_by))
             .order_by(PrivacyFinding.confirmed_at.desc(), PrivacyFinding.id.desc()))
    page = db.paginate(query, per_page=current_app.config["PER_PAGE"], error_out=False)
    return render_template("privacy/findings.html", page=page)
