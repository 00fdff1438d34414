"""/beheer/audit: the audit log for the beheerder, filtered and paginated."""
from __future__ import annotations

from flask import Blueprint, current_app, render_template, request, url_for
from flask_login import current_user

from ..auth.policies import require
from ..extensions import db
from .forms import AuditFilterForm
from .labels import ACTION_LABELS, OBJECT_LABELS, OUTCOME_LABELS
from .policies import may_read_audit
from .queries import AuditFilters, filtered_events
from .refusals import register_refusal_audit

bp = Blueprint("audit", __name__, url_prefix="/beheer/audit")
bp.record_once(lambda state: register_refusal_audit(state.app))  # every refusal, app-wide


@bp.app_template_global()
def audit_link() -> str | None:
    return url_for("audit.index") if may_read_audit(current_user) else None


@bp.before_request
def _only_the_beheerder():
    require(may_read_audit(current_user))


@bp.get("")
def index():
    form = AuditFilterForm(request.args)
    valid = form.validate()
    page = None
    if valid:
        filters = AuditFilters(action=form.action.data or "", person=form.person.data or "",
                               outcome=form.outcome.data or "",
                               start=getattr(form.start, "parsed", None),
                               end=getattr(form.end, "parsed", None))
        page = db.paginate(filtered_events(filters), per_page=current_app.config["PER_PAGE"],
                           error_out=False)
    return render_template("audit/index.html", form=form, page=page,
                           ACTION_LABELS=ACTION_LABELS, OUTCOME_LABELS=OUTCOME_LABELS,
                           OBJECT_LABELS=OBJECT_LABELS), 200 if valid else 422
