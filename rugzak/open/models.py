"""Open publications: their own rows, so that the id the world knows stays stable and a
withdrawal leaves a tombstone (id and withdrawn_at) that subscribers can learn from."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from ..bundles.models import Bundle
from ..experiences.models import Experience
from ..extensions import db
from ..timeutil import UTCDateTime, utcnow


class OpenRecord:
    """What both kinds of open publication keep; withdrawn_at None means shared now."""

    id: Mapped[int] = mapped_column(primary_key=True)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None


class OpenExperience(OpenRecord, db.Model):
    __tablename__ = "open_experiences"
    # None once the experience is deleted (an erasure): the tombstone stays for subscribers
    experience_id: Mapped[int | None] = mapped_column(
        ForeignKey("experiences.id", ondelete="SET NULL"), unique=True)

    # joined: the search index reads it for every experience it writes
    experience: Mapped[Experience | None] = relationship(
        backref=backref("open_record", uselist=False, lazy="joined"))


class OpenBundle(OpenRecord, db.Model):
    __tablename__ = "open_bundles"
    bundle_id: Mapped[int | None] = mapped_column(
        ForeignKey("bundles.id", ondelete="SET NULL"), unique=True)

    bundle: Mapped[Bundle | None] = relationship(backref=backref("open_record", uselist=False))
