"""Finds what looks like residents' personal data in free text. Pure: no Flask, no database.

Kinds: a 9-digit number passing the BSN 11-check, e-mail addresses, Dutch phone numbers, IBANs
passing mod-97, a postcode with a house number, and a date near words like "geboren".
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

BSN, EMAIL, PHONE, IBAN, ADDRESS, BIRTH_DATE = (
    "bsn", "e-mail", "telefoon", "iban", "adres", "geboortedatum")
CONTEXT_CHARS = 40
MASK = "•"

_BSN = re.compile(r"(?<![\d.,\-/])(\d{9}|\d{3} \d{3} \d{3}|\d{4}\.\d{2}\.\d{3})(?![\d/]|[.,\-]\d)")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.IGNORECASE)
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[ \-]?(?:\(0\)[ \-]?)?|\(0|0)"  # +31, 0031, (0 or 0
    r"[1-9](?:[ \-.)]{0,2}\d){8}(?![\d\-])")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?)\b",
                   re.IGNORECASE)
_POSTCODE = r"[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}"
_HOUSE_NUMBER = r"\d{1,5}(?: ?[a-zA-Z](?![a-zA-Z]))?"
_ADDRESS = re.compile(
    rf"\b(?:{_POSTCODE}[ ,]+(?:nr\.? ?|huisnummer )?{_HOUSE_NUMBER}"  # 1234 AB 12
    rf"|[A-Za-zÀ-ÿ][a-zà-ÿ]+ {_HOUSE_NUMBER},? {_POSTCODE})\b")      # Dorpsstraat 12, 1234 AB
_MONTHS = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
           "december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec")
_DATE = (rf"(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:19|20)?\d{{2}}|(?:19|20)\d{{2}}-\d{{1,2}}-\d{{1,2}}"
         rf"|\d{{1,2}} (?:{_MONTHS})\.? (?:19|20)\d{{2}})")
_BIRTH_WORDS = r"(?:geboren|geb\.|geboortedatum|geboortedag|geb\.datum|geboorte)"
_BIRTH_DATE = re.compile(
    rf"{_BIRTH_WORDS}[^.\n\d]{{0,25}}(?P<after>{_DATE})|(?P<before>{_DATE})[^.\n\d]{{0,12}}"
    rf"{_BIRTH_WORDS}", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    kind: str
    field: str
    start: int
    end: int
    value: str
    before: str
    after: str

    def masked_snippet(self) -> str:
        """The context with the value masked and every digit or e-mail address in it too."""
        return (_scrub(self.before) + mask(self.value) + _scrub(self.after)).strip()


def mask(value: str) -> str:
    return "".join(MASK if char.isalnum() else char for char in value)


def _scrub(text: str) -> str:
    """Mask what else in the context could identify someone: addresses, IBANs, digits."""
    for pattern in (_EMAIL, _IBAN, _ADDRESS):
        text = pattern.sub(lambda match: mask(match.group(0)), text)
    return re.sub(r"\d", MASK, text)


def bsn_valid(digits: str) -> bool:
    """The 11-check: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11 (and not zero)."""
    if len(digits) != 9 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return total != 0 and total % 11 == 0


def iban_valid(iban: str) -> bool:
    """ISO 13616: move the first four characters to the end, letters to numbers, mod 97 is 1."""
    compact = iban.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34 or not compact.isalnum():
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def _bsns(text: str) -> Iterator[tuple[int, int]]:
    for match in _BSN.finditer(text):
        if bsn_valid(re.sub(r"\D", "", match.group(0))):
            yield match.span()


def _ibans(text: str) -> Iterator[tuple[int, int]]:
    for match in _IBAN.finditer(text):
        start, end = match.span()
        candidates = [end]
        if " " in match.group(0):  # the last group may be a following word
            candidates.append(start + match.group(0).rstrip().rfind(" "))
        for stop in candidates:
            if iban_valid(text[start:stop]):
                yield start, stop
                break


def _regex(pattern: re.Pattern) -> callable:
    return lambda text: (match.span() for match in pattern.finditer(text))


def _birth_dates(text: str) -> Iterator[tuple[int, int]]:
    for match in _BIRTH_DATE.finditer(text):
        yield match.span("after") if match.group("after") else match.span("before")


DETECTORS = ((IBAN, _ibans), (BSN, _bsns), (EMAIL, _regex(_EMAIL)), (PHONE, _regex(_PHONE)),
             (ADDRESS, _regex(_ADDRESS)), (BIRTH_DATE, _birth_dates))


def scan_text(text: str, field: str = "") -> list[Finding]:
    """Findings in one text, in order; where two overlap, the first detector wins."""
    # an IBAN-shaped token that fails mod-97 is no phone number or BSN either
    taken: list[tuple[int, int]] = [match.span() for match in _IBAN.finditer(text)]
    findings = []
    for kind, detect in DETECTORS:
        for start, end in detect(text):
            if kind != IBAN and any(start < other_end and other_start < end
                                    for other_start, other_end in taken):
                continue
            taken.append((start, end))
            findings.append(Finding(kind, field, start, end, text[start:end],
                                    text[max(0, start - CONTEXT_CHARS):start],
                                    text[end:end + CONTEXT_CHARS]))
    return sorted(findings, key=lambda finding: finding.start)


def scan(texts: Mapping[str, str]) -> list[Finding]:
    """Findings in several named texts (an experience's fields), field by field."""
    return [finding for field, text in texts.items() for finding in scan_text(text or "", field)]
