"""The advice in words: one summary line and a list of suggestions per text section."""
from __future__ import annotations

from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from .analysis import Analysis

LEVEL_LABELS = {
    "goed": _l("Goed te lezen (B1)"),
    "redelijk": _l("Wat lastig te lezen (boven B1)"),
    "lastig": _l("Lastig te lezen"),
}


def advice(analysis: Analysis) -> dict:
    """{"summary": …, "lines": […]}: what the page and the live script show; empty for an
    empty section."""
    if not analysis.words:
        return {"summary": "", "lines": []}
    return {"summary": _summary(analysis), "lines": _lines(analysis)}


def _summary(analysis: Analysis) -> str:
    if analysis.level is None:
        return _("Leesbaarheid: te weinig woorden voor een cijfer.")
    return _("Leesbaarheid: %(level)s (Flesch-Douma %(score)s; %(words)d woorden, "
             "%(sentences)d zinnen).", level=LEVEL_LABELS[analysis.level],
             score=format_decimal(analysis.flesch_douma, format="0.#"),
             words=analysis.words, sentences=analysis.sentences)


def _lines(analysis: Analysis) -> list[str]:
    lines = [_("Lange zin (%(count)d woorden): “%(opening)s”. Kun je er twee zinnen van maken?",
               count=sentence.words, opening=sentence.opening)
             for sentence in analysis.long_sentences]
    if analysis.long_words:
        lines.append(_("Lange woorden: %(words)s. Kan het korter of eenvoudiger?",
                       words=", ".join(analysis.long_words)))
    lines += [_("Ambtelijk: “%(phrase)s”. Schrijf liever: %(plain)s.",
                phrase=found.phrase, plain=found.plain) for found in analysis.officialese]
    if not lines:
        lines.append(_("Geen lange zinnen, lange woorden of ambtelijke taal gevonden."))
    return lines
