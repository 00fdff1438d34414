"""Which parts of a person's name identify them, and how to look for them in a text column."""
from __future__ import annotations

import re

from sqlalchemy import ColumnElement, false, or_

NAME_PARTICLES = {"van", "von", "der", "den", "ter", "ten", "het", "de", "da", "del", "la", "le"}


def name_parts(name: str) -> set[str]:
    """Parts of a name a query may use on its own: "Bakker-Oosterhout" gives both halves."""
    parts = {part for part in re.split(r"[\s\-]+", name.strip()) if len(part) >= 3}
    return {part for part in parts if part.lower() not in NAME_PARTICLES}


def words_naming(name: str) -> set[str]:
    """The full name and the specific parts of the surname ("Fatima Bouzid" gives "Bouzid");
    a first name alone names too many people to count as a mention."""
    _first, _, surname = name.strip().partition(" ")
    return {name.strip(), *name_parts(surname)} - {""}


def mentions_any(column, words: set[str]) -> ColumnElement[bool]:
    """Case-insensitive: does the text in `column` contain one of `words`?"""
    if not words:
        return false()
    return or_(*(column.ilike(f"%{_escaped(word)}%", escape="\\") for word in words))


def _escaped(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
