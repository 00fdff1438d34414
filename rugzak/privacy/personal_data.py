"""Resident-data findings a person confirmed, in the data download."""
from __future__ import annotations

from sqlalchemy import select

from ..auth.models import User
from ..extensions import db
from ..personal_data import personal_data_section
from .models import PrivacyFinding


@personal_data_section("privacy_findings_confirmed",
                       PrivacyFinding.confirmed_by_id)
def privacy_findings(user: User) -> list[dict]:
    rows = db.session.scalars(select(PrivacyFinding)
                              .where(PrivacyFinding.confirmed_by_id == user.id)
                              .order_by(PrivacyFinding.id))
    return [{"subject_type": f.subject_type, "subject_id": f.subject_id,
             "experience_id": f.experience_id, "field": f.field, "kind": f.kind,
             "snippet": f.snippet, "confirmed_at": f.confirmed_at} for f in rows]
