"""The search log keeps no one's identity, but a query may name someone: colleagues look for
a person's lessons by name. At erasure, queries naming the person go."""
from __future__ import annotations

import re

from sqlalchemy import delete, or_

from ..auth.models import User
from ..extensions import db
from ..personal_data import user_erasing
from .log import SearchLog

NAME_PARTICLES = {"van", "von", "der", "den", "ter", "ten", "het", "de", "da", "del", "la", "le"}


def name_parts(name: str) -> set[str]:
    """Parts of a name a query may use on its own: "Bakker-Oosterhout" gives both halves."""
    parts = {part for part in re.split(r"[\s\-]+", name.strip()) if len(part) >= 3}
    return {part for part in parts if part.lower() not in NAME_PARTICLES}


@user_erasing.connect
def forget_searches_for(user: User, **_options) -> None:
    words = {user.email, user.name.strip(), *name_parts(user.name)} - {""}
    db.session.execute(delete(SearchLog).where(or_(*(
        SearchLog.query.ilike(f"%{_escaped(word)}%", escape="\\") for word in words))))


def _escaped(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
