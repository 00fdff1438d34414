"""Two versions side by side: word-level differences marked with <del> and <ins>.

Everything is escaped; each mark also carries hidden text, so the meaning never depends on
colour or on a screen reader announcing the element.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape
from sqlalchemy import select

from ..experiences.labels import (
    EFFECT_LABELS,
    KIND_LABELS,
    STATUS_LABELS,
    VISIBILITY_LABELS,
)
from ..extensions import db
from ..taxonomy.models import Condition, Department, Goal, Partner

TEXTS = {"title": _l("Titel"), "situation": _l("Situatie"), "task": _l("Taak of doel"),
         "approach": _l("Aanpak"), "result": _l("Resultaat"), "lesson": _l("Les"),
         "tip": _l("Tip voor collega's")}
VALUES = {"kind": _l("Soort ervaring"), "occurred_on": _l("Datum waarop het gebeurde"),
          "visibility": _l("Wie mag dit lezen?"), "status": _l("Status"),
          "anonymous": _l("Zonder naam gepubliceerd")}
LISTS = {"departments": (_l("Afdelingen"), Department), "partners": (_l("Partnerorganisaties"),
                                                                   Partner),
         "conditions": (_l("Randvoorwaarden"), Condition),
         "goals": (_l("Transformatiedoelen"), Goal), "tags": (_l("Trefwoorden"), None)}
_TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass
class Row:
    name: str
    label: str
    old: Markup
    new: Markup
    changed: bool


def changed_fields(old: dict | None, new: dict) -> list[str]:
    """Labels of what differs between two snapshots (all filled-in fields for a first one)."""
    labels = {**TEXTS, **VALUES, **{name: label for name, (label, _m) in LISTS.items()}}
    base = old or {}
    return [str(label) for name, label in labels.items()
            if _normal(base.get(name)) != _normal(new.get(name))]


def compare(old: dict, new: dict) -> list[Row]:
    names = _display_names()
    rows = []
    for name, label in TEXTS.items():
        left, right = _text_diff(old.get(name) or "", new.get(name) or "")
        rows.append(Row(name, str(label), left, right, old.get(name) != new.get(name)))
    for name, label in VALUES.items():
        before, after = _value(name, old.get(name)), _value(name, new.get(name))
        changed = before != after
        rows.append(Row(name, str(label), _mark("del", before) if changed else escape(before),
                        _mark("ins", after) if changed else escape(after), changed))
    for name, (label, model) in LISTS.items():
        before = _items(name, old.get(name), names.get(model))
        after = _items(name, new.get(name), names.get(model))
        rows.append(Row(name, str(label), _list_diff(before, after, "del"),
                        _list_diff(after, before, "ins"), before != after))
    return [row for row in rows if row.old or row.new]


def _text_diff(old: str, new: str) -> tuple[Markup, Markup]:
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    left, right = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            left.append(escape("".join(a[i1:i2])))
            right.append(escape("".join(b[j1:j2])))
            continue
        if i2 > i1:
            left.append(_mark("del", "".join(a[i1:i2])))
        if j2 > j1:
            right.append(_mark("ins", "".join(b[j1:j2])))
    return Markup("").join(left), Markup("").join(right)


def _mark(element: str, text: str) -> Markup:
    if not text:
        return Markup("")
    said = _("verwijderd") if element == "del" else _("toegevoegd")
    return Markup('<{0}><span class="visually-hidden">[{1}: </span>{2}'
                  '<span class="visually-hidden">]</span></{0}>').format(
        Markup(element), said, text)


def _list_diff(items: list[str], other: list[str], element: str) -> Markup:
    if not items:
        return Markup("")
    shown = [escape(item) if item in other else _mark(element, item) for item in items]
    return Markup('<ul class="plain">{}</ul>').format(
        Markup("").join(Markup("<li>{}</li>").format(item) for item in shown))


def _value(name: str, value) -> str:
    if value in (None, ""):
        return ""
    if name == "anonymous":
        return _("ja") if value else _("nee")
    labels = {"kind": KIND_LABELS, "visibility": VISIBILITY_LABELS, "status": STATUS_LABELS}
    return str(labels[name].get(value, value)) if name in labels else str(value)


def _items(name: str, value, names: dict[str, str] | None) -> list[str]:
    if name == "conditions":
        return [f"{(names or {}).get(slug, slug)}: {EFFECT_LABELS.get(effect, effect)}"
                for slug, effect in (value or {}).items()]
    return [(names or {}).get(item, item) for item in value or []]


def _display_names() -> dict:
    """Current names for the slugs a snapshot keeps (a removed entry shows its slug)."""
    return {model: dict(db.session.execute(select(model.slug, model.name)).all())
            for model in (Department, Partner, Condition, Goal)}


def _normal(value):
    return value if value not in (None, "", [], {}) else None
