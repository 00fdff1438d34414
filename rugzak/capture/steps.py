"""The questions of Snel vastleggen, one per screen, and the experience fields each fills."""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString


@dataclass(frozen=True)
class Step:
    number: int
    label: LazyString  # short, for the progress list
    question: LazyString  # the page's heading
    hint: LazyString  # how much is enough
    fields: tuple[str, ...]
    required: tuple[str, ...] = ()


STEPS = (
    Step(1, _l("Wat gebeurde er"), _l("Wat gebeurde er?"),
         _l("Vertel wat er speelde in de samenwerking en wie erbij waren. Twee of drie zinnen "
            "is genoeg. Schrijf over de samenwerking, niet over inwoners."),
         ("situation",), ("situation",)),
    Step(2, _l("Wie deden mee"), _l("Wie deden er mee?"),
         _l("Kies de afdelingen en partners die erbij betrokken waren. Eén is genoeg; als "
            "niemand past, ga je gewoon verder."),
         ("departments", "partners")),
    Step(3, _l("Wat leerde je"), _l("Wat heb je geleerd?"),
         _l("Wat weet je nu wat je eerst niet wist? Wat doe je een volgende keer anders? Eén of "
            "twee zinnen is genoeg."),
         ("lesson",), ("lesson",)),
    Step(4, _l("Tip"), _l("Wat zou je een collega aanraden?"),
         _l("Eén zin is genoeg. Heb je geen tip? Ga dan gewoon verder."),
         ("tip",)),
    Step(5, _l("Titel"), _l("Hoe noem je deze ervaring?"),
         _l("Een korte titel waaraan collega’s je ervaring herkennen; vijf tot tien woorden is "
            "genoeg. We maakten er een van je eerste zin: pas die gerust aan."),
         ("title", "kind"), ("title",)),
    Step(6, _l("Suggesties"), _l("Past dit bij je ervaring?"),
         _l("We zochten in je tekst en in vergelijkbare ervaringen. Vink aan wat past en vink "
            "uit wat niet past; niets hoeft. Er verandert niets zonder dat jij op Volgende "
            "drukt."),
         ("goals", "conditions", "tags")),
    Step(7, _l("Delen"), _l("Wie mag dit lezen?"),
         _l("Kies wie je ervaring mag lezen en publiceer hem. Wil je eerst nog iets aanpassen? "
            "Kies dan Later afmaken: je vindt hem terug bij je concepten."),
         ("visibility", "anonymous")),
)
LAST = len(STEPS)


def step_number_of(field: str) -> int | None:
    """The step that asks for `field`; None for what only the full form asks."""
    return next((step.number for step in STEPS if field in step.fields), None)
