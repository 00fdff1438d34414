"""A peer: another municipality's Rugzak whose open data this installation follows."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

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
    last_error: Mapped[str | None] = mapped_column(Text)
