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
    if len(labels.get("origin", {})) > 1:  # only once other municipalities are followed
        groups.append((_l("Bron"), "origin"))
    return [(title, options) for title, field in groups
            if (options := _options(params, field, outcome.facets.get(field, {}),
                                    labels.get(field, {})))]


def _options(params: SearchParams, field: str, counts: dict[str, int],
             labels: dict) -> list[FacetOption]:
    options = []
    for value, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        selected, change = _toggle(params, field, value)
        options.append(FacetOption(escape(labels.get(value, value)), count, selected,
                                   url_for("search.index", **params.args(**change))))
    return options


def _toggle(params: SearchParams, field: str, value: str) -> tuple[bool, dict]:
    """Whether this value is selected, and the URL arguments that add or remove it: values of
    one facet combine with OF; a condition with another effect starts afresh."""
    if field == "condition_effect":
        condition, _, effect = value.partition(":")
        if condition in params.condition and effect == params.effect:
            rest = [slug for slug in params.condition if slug != condition]
            return True, {"condition": rest, "effect": effect if rest else ""}
        if effect == params.effect:
            return False, {"condition": [*params.condition, condition]}
        return False, {"condition": [condition], "effect": effect}
    if field == "highlighted":
        selected = params.highlighted == value
        return selected, {"highlighted": "" if selected else value}
    chosen = getattr(params, field)
    if value in chosen:
        return True, {field: [other for other in chosen if other != value]}
    return False, {field: [*chosen, value]}
