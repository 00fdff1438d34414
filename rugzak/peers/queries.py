"""The peers with how many of their experiences this installation keeps."""
from __future__ import annotations

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import contains_eager

from ..extensions import db
from .models import ExternalExperience, Peer


def peers_with_counts() -> list[tuple[Peer, int]]:
    copies = (select(func.count(ExternalExperience.id))
              .where(ExternalExperience.peer_id == Peer.id).scalar_subquery())
    return [(peer, count) for peer, count in db.session.execute(
        select(Peer, copies).order_by(Peer.name))]


TEXTS = ("title", "situation", "task", "approach", "result", "lesson", "tip")


def external_experiences(text: str = "") -> Select:
    """Newest first; `text` (if any) in the title or one of the texts, ignoring case. Only the
    "bij andere gemeenten" pages read this table: it is never part of the own insight figures."""
    query = select(ExternalExperience).join(ExternalExperience.peer).options(
        contains_eager(ExternalExperience.peer)).order_by(
        ExternalExperience.updated_at.desc(), ExternalExperience.id.desc())
    if text:
        query = query.where(or_(*(getattr(ExternalExperience, name).icontains(
            text, autoescape=True) for name in TEXTS)))
    return query
