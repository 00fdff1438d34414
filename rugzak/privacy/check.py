"""The resident-data check: a policy over plain texts, called by every service that saves text.

A published text with findings needs confirmation ("these are not residents' data"); a finding
confirmed before (known by its fingerprint) is not asked about again.
"""
from __future__ import annotations

import hashlib
import hmac

from flask import current_app
from flask_babel import lazy_gettext as _l

from ..errors import InvalidInput
from .scanner import (
    ADDRESS,
    BIRTH_DATE,
    BSN,
    CONTEXT_CHARS,
    EMAIL,
    IBAN,
    PHONE,
    Finding,
    scan,
)

CONFIRM_FIELD = "confirm_privacy"
MESSAGE = _l("Je tekst lijkt gegevens van inwoners te bevatten. Haal ze weg, of bevestig dat "
             "het geen gegevens van inwoners zijn.")
KIND_LABELS = {BSN: _l("BSN"), EMAIL: _l("e-mailadres"), PHONE: _l("telefoonnummer"),
               IBAN: _l("IBAN"), ADDRESS: _l("postcode met huisnummer"),
               BIRTH_DATE: _l("geboortedatum")}
FIELD_LABELS = {"title": _l("Titel"), "situation": _l("Situatie"), "task": _l("Taak of doel"),
                "approach": _l("Aanpak"), "result": _l("Resultaat"), "lesson": _l("Les"),
                "tip": _l("Tip voor collega's"), "tags": _l("Trefwoorden"),
                "body": _l("Reactie"), "description": _l("Beschrijving"),
                "text": _l("Voortgang"), "intro": _l("Inleiding"), "note": _l("Notitie"),
                "reason": _l("Reden"), "question": _l("Vraag")}


def check_resident_data(texts: dict[str, str], confirmed: bool,
                        known_fingerprints: set[str]) -> list[Finding]:
    """The new findings in `texts` (named by field); raises InvalidInput with the findings
    (`extra["findings"]`) unless the writer confirmed them."""
    findings = [f for f in scan(texts) if fingerprint(f) not in known_fingerprints]
    if findings and not confirmed:
        raise InvalidInput({CONFIRM_FIELD: str(MESSAGE)}, findings_extra(findings))
    return findings


def findings_extra(findings: list[Finding]) -> dict:
    """The findings as the API sends them and the form shows them."""
    return {"findings": [finding_as_dict(f) for f in findings]}


def finding_as_dict(finding: Finding) -> dict:
    return {"field": finding.field, "kind": finding.kind, "value": finding.value,
            "start": finding.start, "end": finding.end,
            "context": finding.before + finding.value + finding.after}


def context_parts(finding: dict) -> tuple[str, str, str]:
    """A finding as sent (finding_as_dict): its context before, the value, and after."""
    cut = min(finding["start"], CONTEXT_CHARS)
    context, value = finding["context"], finding["value"]
    return context[:cut], value, context[cut + len(value):]


def fingerprint(finding: Finding) -> str:
    """A keyed hash of kind and value: recognises a confirmed finding without keeping it."""
    key = current_app.config["SECRET_KEY"].encode()
    normalised = "".join(char for char in finding.value.lower() if char.isalnum() or char == "@")
    return hmac.new(key, f"{finding.kind}:{normalised}".encode(), hashlib.sha256).hexdigest()
