"""Confirmed findings of the resident-data check: kept masked for the kernteam to review.

A subject is any row with text (an experience, a comment, an agenda update…), named as the
audit log names objects: its table name and id.
"""
from __future__ import annotations

from sqlalchemy import select

from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..experiences.models import Experience
from ..extensions import db
from .check import check_resident_data, fingerprint
from .models import PrivacyFinding
from .scanner import Finding


def screen(texts: dict[str, str], confirmed: bool, subject=None) -> list[Finding]:
    """The resident-data check, leaving out what was confirmed before on `subject`."""
    return check_resident_data(texts, confirmed, confirmed_fingerprints(subject))


def confirmed_fingerprints(subject) -> set[str]:
    if subject is None or subject.id is None:
        return set()
    return set(db.session.scalars(select(PrivacyFinding.fingerprint).where(
        PrivacyFinding.subject_type == subject.__tablename__,
        PrivacyFinding.subject_id == subject.id)))


def store_confirmed(subject, findings: list[Finding], editor: User,
                    experience_id: int | None = None) -> None:
    """Keep the confirmed findings (masked) and audit the confirmation; the caller commits.

    `experience_id` is the experience the subject is on (an experience is on itself): who may see it
    may see the findings."""
    if not findings:
        return
    if subject.id is None:
        db.session.add(subject)
        db.session.flush()
    if isinstance(subject, Experience):
        experience_id = subject.id
    for finding in findings:
        db.session.add(PrivacyFinding(
            subject_type=subject.__tablename__, subject_id=subject.id,
            experience_id=experience_id,
            field=finding.field, kind=finding.kind,
            snippet=finding.masked_snippet()[:300], fingerprint=fingerprint(finding),
            confirmed_by_id=editor.id))
    kinds = ", ".join(sorted({finding.kind for finding in findings}))
    record(Action.PRIVACY_FINDING_CONFIRMED, target=subject,
           detail=f"{len(findings)} bevestigd: {kinds}")
