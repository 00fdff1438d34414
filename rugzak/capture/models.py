"""Where a person stopped in Snel vastleggen, so that they can resume at that step."""
from __future__ import annotations

from sqlalchemy import ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class CaptureProgress(db.Model):
    """The step to resume at for a concept started with Snel vastleggen; a bookmark, not
    content: the concept itself is an ordinary experience."""

    __tablename__ = "capture_progress"
    experience_id: Mapped[int] = mapped_column(
        ForeignKey("experiences.id", ondelete="CASCADE"), primary_key=True)
    step: Mapped[int] = mapped_column(Integer)
