"""The peers with how many of their experiences this installation keeps."""
from __future__ import annotations

from sqlalchemy import func, select

from ..extensions import db
from .models import ExternalExperience, Peer


def peers_with_counts() -> list[tuple[Peer, int]]:
    copies = (select(func.count(ExternalExperience.id))
              .where(ExternalExperience.peer_id == Peer.id).scalar_subquery())
    return [(peer, count) for peer, count in db.session.execute(
        select(Peer, copies).order_by(Peer.name))]
