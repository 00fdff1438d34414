"""Confirmed findings of the resident-data check: masked, never the raw value."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import User
from ..experiences.models import Experience
from ..extensions import db
from ..timeutil import UTCDateTime, utcnow


class PrivacyFinding(db.Model):
    __tablename__ = "privacy_findings"
    id: Mapped[int] = mapped_column(primary_key=True)
    experience_id: Mapped[int] = mapped_column(
        ForeignKey("experiences.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    snippet: Mapped[str] = mapped_column(String(300))  # the context, with the value masked
    # keyed hash of kind and value: a confirmed finding is not asked about again
    fingerprint: Mapped[str] = mapped_column(String(64))
    confirmed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True)
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    experience: Mapped[Experience] = relationship()
    confirmed_by: Mapped[User | None] = relationship()
