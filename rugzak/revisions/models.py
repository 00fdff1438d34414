"""One saved version of an experience, kept as a snapshot of what the editor saw."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import User
from ..extensions import db
from ..timeutil import UTCDateTime, utcnow


class ExperienceRevision(db.Model):
    """Revision `number` of an experience: its content right after that save."""

    __tablename__ = "experience_revisions"
    __table_args__ = (UniqueConstraint("experience_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    experience_id: Mapped[int] = mapped_column(
        ForeignKey("experiences.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    saved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    restored_from: Mapped[int | None] = mapped_column(Integer)  # the number it brought back
    snapshot: Mapped[dict] = mapped_column(JSON)

    saved_by: Mapped[User | None] = relationship()
