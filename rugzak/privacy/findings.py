"""Confirmed findings of the resident-data check: kept masked for the kernteam to review."""
from __future__ import annotations

from sqlalchemy import select

from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..experiences.models import Experience
from ..extensions import db
from .check import fingerprint
from .models import PrivacyFinding
from .scanner import Finding


def confirmed_fingerprints(experience: Experience) -> set[str]:
    if experience.id is None:
        return set()
    return set(db.session.scalars(select(PrivacyFinding.fingerprint)
                                  .where(PrivacyFinding.experience_id == experience.id)))


def store_confirmed(experience: Experience, findings: list[Finding], editor: User) -> None:
    """Keep the confirmed findings (masked) and audit the confirmation; the caller commits."""
    if not findings:
        return
    for finding in findings:
        db.session.add(PrivacyFinding(
            experience=experience, field=finding.field, kind=finding.kind,
            snippet=finding.masked_snippet()[:300], fingerprint=fingerprint(finding),
            confirmed_by_id=editor.id))
    kinds = ", ".join(sorted({finding.kind for finding in findings}))
    record(Action.PRIVACY_FINDING_CONFIRMED, target=experience,
           detail=f"{len(findings)} bevestigd: {kinds}")
