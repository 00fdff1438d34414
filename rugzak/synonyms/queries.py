"""Reading synonym groups: the list page, and the lookup search uses for every query."""
from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from ..search.stemming import fold
from .models import SEPARATOR, SynonymGroup


def synonym_groups() -> list[SynonymGroup]:
    return list(db.session.scalars(select(SynonymGroup).order_by(SynonymGroup.terms)))


def synonym_key(words: str) -> str:
    """How a member is compared: lower case, accents folded, quotes and spaces evened out."""
    return " ".join(fold(words.replace('"', " ").lower()).split())


def synonym_lookup() -> dict[str, list[str]]:
    """Each member's key -> the other members of its group; read anew for every search, so a
    change counts from the next search on (the index holds no synonyms)."""
    lookup = {}
    for terms in db.session.scalars(select(SynonymGroup.terms)):
        members = terms.split(SEPARATOR)
        for member in members:
            lookup[synonym_key(member)] = [other for other in members if other != member]
    return lookup
