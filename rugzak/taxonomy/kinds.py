"""The named lists of the taxonomy, and what each one is called."""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from .models import Condition, Department, Goal, Partner


@dataclass(frozen=True)
class EntryKind:
    """One of the named lists an administrator or the core team keeps."""

    key: str  # the URL segment
    model: type
    label: str  # singular, for the audit log
    title: str  # plural, for page titles
    has_description: bool
    duplicate: str  # the message for a name already in use


KINDS = {kind.key: kind for kind in (
    EntryKind("doelen", Goal, "transformatiedoel", _l("Transformatiedoelen"), True,
              _l("Er is al een transformatiedoel met deze naam.")),
    EntryKind("randvoorwaarden", Condition, "randvoorwaarde", _l("Randvoorwaarden"), True,
              _l("Er is al een randvoorwaarde met deze naam.")),
    EntryKind("afdelingen", Department, "afdeling", _l("Afdelingen"), False,
              _l("Er is al een afdeling met deze naam.")),
    EntryKind("partners", Partner, "partnerorganisatie", _l("Partnerorganisaties"), False,
              _l("Er is al een partnerorganisatie met deze naam.")),
)}
