"""CSV export of a search result: one row per experience, with its full text."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from ..experiences.labels import (
    EFFECT_LABELS,
    KIND_LABELS,
    VISIBILITY_LABELS,
    author_label,
)
from ..experiences.models import Experience
from ..urls import external_url

COLUMNS = [_l("Nummer"), _l("Titel"), _l("Soort"), _l("Datum"), _l("Afdelingen"),
           _l("Partnerorganisaties"), _l("Randvoorwaarden"), _l("Transformatiedoelen"),
           _l("Trefwoorden"), _l("Wie mag dit lezen?"), _l("Vastgelegd door"), _l("Situatie"),
           _l("Taak of doel"), _l("Aanpak"), _l("Resultaat"), _l("Les"),
           _l("Tip voor collega's"), _l("Adres")]


def columns() -> list[str]:
    return [str(column) for column in COLUMNS]


def experience_row(experience: Experience, viewer) -> list:
    return [
        experience.id, experience.title, str(KIND_LABELS[experience.kind]),
        experience.occurred_on.isoformat() if experience.occurred_on else "",
        " | ".join(d.name for d in experience.departments),
        " | ".join(p.name for p in experience.partners),
        " | ".join(f"{c.condition.name}: {EFFECT_LABELS[c.effect]}"
                   for c in experience.conditions),
        " | ".join(g.name for g in experience.goals),
        " | ".join(t.name for t in experience.tags),
        str(VISIBILITY_LABELS[experience.visibility]), author_label(experience, viewer),
        experience.situation, experience.task, experience.approach, experience.result,
        experience.lesson, experience.tip,
        external_url("experiences.show", experience_id=experience.id),
    ]
