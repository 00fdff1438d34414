"""The kinds of mail a person chooses about, and how often each comes by default.

Password mails (a new account's link, a forgotten password) are no kind: they always come and
cannot be unsubscribed from.
"""
from __future__ import annotations

from enum import StrEnum

from flask_babel import lazy_gettext as _l


class Frequency(StrEnum):
    IMMEDIATELY = "immediately"
    DAILY = "daily"
    WEEKLY = "weekly"
    NONE = "none"


FREQUENCY_LABELS = {
    Frequency.IMMEDIATELY: _l("meteen"),
    Frequency.DAILY: _l("dagelijks overzicht"),
    Frequency.WEEKLY: _l("wekelijks overzicht"),
    Frequency.NONE: _l("niet per e-mail"),
}
DIGESTS = (Frequency.DAILY, Frequency.WEEKLY)

KINDS = {
    "new_experience": _l("Nieuwe ervaring over iets wat je volgt"),
    "comment": _l("Reactie"),
    "highlight": _l("Uitgelicht"),
    "recognition": _l("Herkenbaar gevonden"),
    "agenda_item": _l("Agendapunt"),
    "review_reminder": _l("Klopt dit nog? (herinnering)"),
}
DEFAULTS = {kind: Frequency.DAILY for kind in KINDS} | {
    "comment": Frequency.IMMEDIATELY, "recognition": Frequency.IMMEDIATELY}

# Outbox rows that are not about a kind above
PASSWORD_LINK = "password_link"
DIGEST = "digest"
REFLECTION = "reflection"  # an invitation, a cancellation or a summary: always sent
