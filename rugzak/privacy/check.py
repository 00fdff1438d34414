"""The resident-data check before publishing: the experience services call it (a hook).

A published text with findings needs `confirm_privacy`; the confirmed findings are stored,
masked, for the kernteam to review, and are not asked about again for that experience.
"""
from __future__ import annotations

import hashlib
import hmac

from flask import current_app, g, has_request_context
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..experiences.models import TEXT_SECTIONS, Experience, Status
from ..experiences.services import ExperienceInput, ValidationFailed
from ..extensions import db
from .models import PrivacyFinding
from .scanner import ADDRESS, BIRTH_DATE, BSN, EMAIL, IBAN, PHONE, Finding, scan

CONFIRM_FIELD = "confirm_privacy"
MESSAGE = _l("Je tekst lijkt gegevens van inwoners te bevatten. Haal ze weg, of bevestig dat "
             "het geen gegevens van inwoners zijn.")
KIND_LABELS = {BSN: _l("BSN"), EMAIL: _l("e-mailadres"), PHONE: _l("telefoonnummer"),
               IBAN: _l("IBAN"), ADDRESS: _l("postcode met huisnummer"),
               BIRTH_DATE: _l("geboortedatum")}
FIELD_LABELS = {"title": _l("Titel"), "situation": _l("Situatie"), "task": _l("Taak of doel"),
                "approach": _l("Aanpak"), "result": _l("Resultaat"), "lesson": _l("Les"),
                "tip": _l("Tip voor collega's"), "tags": _l("Trefwoorden")}


class ResidentDataFound(ValidationFailed):
    """Publishing needs confirmation: the findings go back to the form or the API client."""

    def __init__(self, errors: dict[str, str], findings: list[Finding]):
        super().__init__(errors)
        self.findings = findings

    @property
    def extra(self) -> dict:
        return {"findings": [finding_as_dict(f) for f in self.findings]}


def finding_as_dict(finding: Finding) -> dict:
    return {"field": finding.field, "kind": finding.kind, "value": finding.value,
            "start": finding.start, "end": finding.end,
            "context": finding.before + finding.value + finding.after}


def texts_of(data: ExperienceInput) -> dict[str, str]:
    texts = {"title": data.title}
    texts.update({name: getattr(data, name) for name in TEXT_SECTIONS})
    texts["tags"] = ", ".join(data.tags)
    return texts


def fingerprint(finding: Finding) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    normalised = "".join(char for char in finding.value.lower() if char.isalnum() or char == "@")
    return hmac.new(key, f"{finding.kind}:{normalised}".encode(), hashlib.sha256).hexdigest()


def screen_resident_data(experience: Experience, data: ExperienceInput,
                         errors: dict[str, str]) -> list[Finding]:
    """New findings in a text about to be published; raises ResidentDataFound (with `errors`)
    unless the editor confirmed them. Drafts are only seen by their author: not checked yet."""
    if data.status != Status.GEPUBLICEERD:
        return []
    known = _confirmed_fingerprints(experience)
    findings = [f for f in scan(texts_of(data)) if fingerprint(f) not in known]
    if has_request_context():
        g.resident_data_findings = findings
    if findings and not data.confirm_privacy:
        raise ResidentDataFound({**errors, CONFIRM_FIELD: str(MESSAGE)}, findings)
    return findings


def _confirmed_fingerprints(experience: Experience) -> set[str]:
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


def resident_data_findings() -> list[Finding]:
    """For the form template: what the last check in this request found."""
    return g.get("resident_data_findings", [])
