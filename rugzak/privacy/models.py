"""Confirmed findings of the resident-data check: masked, never the raw value."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import User
from ..experiences.models import Experience
from ..extensions import db
from ..timeutil import UTCDateTime, utcnow


class PrivacyFinding(db.Model):
    """A finding in the text of a subject (any row with text: its table name and id, as the
    audit log names objects); `experience_id` is the experience the subject is (on), if any,
    and decides who sees the finding."""

    __tablename__ = "privacy_findings"
    id: Mapped[int] = mapped_column(primary_key=True)
    subject_type: Mapped[str] = mapped_column(String(40))
    subject_id: Mapped[int] = mapped_column()
    experience_id: Mapped[int | None] = mapped_column(
        ForeignKey("experiences.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    snippet: Mapped[str] = mapped_column(String(300))  # the context, with the value masked
    # keyed hash of kind and value: a confirmed finding is not asked about again
    fingerprint: Mapped[str] = mapped_column(String(64))
    confirmed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True)
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    experience: Mapped[Experience | None] = relationship()

    __table_args__ = (Index("ix_privacy_findings_subject", "subject_type", "subject_id"),)
    confirmed_by: Mapped[User | None] = relationship()
