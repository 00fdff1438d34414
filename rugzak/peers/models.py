"""A peer: another municipality's Rugzak whose open data this installation follows."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from ..extensions import db
from ..timeutil import UTCDateTime, utcnow


class Peer(db.Model):
    __tablename__ = "peers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(String(300), unique=True)  # its origin, https://host[:port]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # the last `updated_at` read from its open API: the next sync asks for what changed since
    synced_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_synced_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # what went wrong the last time: a Dutch msgid (translated when shown) and its values
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_values: Mapped[dict | None] = mapped_column(JSON)


class ExternalExperience(db.Model):
    """A read-only copy of an experience a peer shares openly; replaced at every sync that
    reports a change, removed when the peer withdraws it or the peer is removed."""

    __tablename__ = "external_experiences"
    __table_args__ = (UniqueConstraint("peer_id", "remote_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    peer_id: Mapped[int] = mapped_column(ForeignKey("peers.id", ondelete="CASCADE"), index=True)
    remote_id: Mapped[int] = mapped_column(Integer)
    url: Mapped[str] = mapped_column(String(500))  # the original, on the peer
    title: Mapped[str] = mapped_column(String(200))
    situation: Mapped[str] = mapped_column(Text)
    task: Mapped[str] = mapped_column(Text, default="")
    approach: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(Text, default="")
    lesson: Mapped[str] = mapped_column(Text)
    tip: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20))
    occurred_in: Mapped[str | None] = mapped_column(String(7))
    author: Mapped[str] = mapped_column(String(300))  # "een medewerker van …", as the peer says
    facts: Mapped[dict] = mapped_column(JSON)  # departments, conditions, goals, tags, licence
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    peer: Mapped[Peer] = relationship(backref=backref(
        "experiences", cascade="all, delete-orphan", passive_deletes=True))
