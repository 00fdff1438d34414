"""The facet lists of the search page: label, count, and the link that selects or clears."""
from __future__ import annotations

from dataclasses import dataclass

from flask import url_for
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from .engine import SearchOutcome, SearchParams


@dataclass
class FacetOption:
    label: Markup
    count: int
    selected: bool
    url: str


def facet_groups(params: SearchParams, outcome: SearchOutcome, labels: dict[str, dict]
                 ) -> list[tuple[str, list[FacetOption]]]:
    condition_field = "condition" if params.condition and not params.effect \
        else "condition_effect"
    groups = [(_l("Afdeling"), "department"), (_l("Randvoorwaarde"), condition_field),
              (_l("Transformatiedoel"), "goal"), (_l("Soort"), "kind"),
              (_l("Partnerorganisatie"), "partner"), (_l("Jaar"), "year"),
              (_l("Uitgelicht"), "highlighted")]
    return [(title, options) for title, field in groups
            if (options := _options(params, field, outcome.facets.get(field, {}),
                                    labels.get(field, {})))]


def _options(params: SearchParams, field: str, counts: dict[str, int],
             labels: dict) -> list[FacetOption]:
    options = []
    for value, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        chosen = _arguments(field, value)
        selected = all(getattr(params, name) == wanted for name, wanted in chosen.items())
        change = {name: "" for name in chosen} if selected else chosen
        options.append(FacetOption(escape(labels.get(value, value)), count, selected,
                                   url_for("search.index", **params.args(**change))))
    return options


def _arguments(field: str, value: str) -> dict[str, str]:
    """The URL arguments that select this facet value."""
    if field == "condition_effect":
        condition, _, effect = value.partition(":")
        return {"condition": condition, "effect": effect}
    return {field: value}
