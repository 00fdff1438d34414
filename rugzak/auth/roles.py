"""The four roles of PRODUCT.md."""
from enum import StrEnum


class Role(StrEnum):
    MEDEWERKER = "medewerker"
    PARTNER = "partner"
    KERNTEAM = "kernteam"
    BEHEERDER = "beheerder"


ROLE_LABELS = {
    Role.MEDEWERKER: "Medewerker",
    Role.PARTNER: "Partner",
    Role.KERNTEAM: "Kernteam",
    Role.BEHEERDER: "Beheerder",
}

CURATORS = frozenset({Role.KERNTEAM, Role.BEHEERDER})
