"""The four roles of PRODUCT.md."""
from enum import StrEnum

from flask_babel import lazy_gettext as _l


class Role(StrEnum):
    MEDEWERKER = "medewerker"
    PARTNER = "partner"
    KERNTEAM = "kernteam"
    BEHEERDER = "beheerder"


ROLE_LABELS = {
    Role.MEDEWERKER: _l("Medewerker"),
    Role.PARTNER: _l("Partner"),
    Role.KERNTEAM: _l("Kernteam"),
    Role.BEHEERDER: _l("Beheerder"),
}

CURATORS = frozenset({Role.KERNTEAM, Role.BEHEERDER})
