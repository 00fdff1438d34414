"""A notification holds references, never copied text: it is rendered when it is read, with
the reader's rights at that moment (notifications/queries.py)."""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..agenda.models import AgendaItem
from ..bundles.models import Bundle
from ..comments.models import Comment
from ..experiences.models import Experience
from ..extensions import db
from ..timeutil import UTCDateTime, utcnow


class NotificationKind(StrEnum):
    NEW_EXPERIENCE = "new_experience"
    COMMENT = "comment"
    HIGHLIGHT = "highlight"
    RECOGNITION = "recognition"
    AGENDA_ITEM = "agenda_item"
    REVIEW_REMINDER = "review_reminder"


class Notification(db.Model):
    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_read", "user_id", "read_at"),
                      Index("ix_notifications_user_created", "user_id", "created_at"))
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(20))
    experience_id: Mapped[int] = mapped_column(
        ForeignKey("experiences.id", ondelete="CASCADE"), index=True)
    comment_id: Mapped[int | None] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True)
    bundle_id: Mapped[int | None] = mapped_column(
        ForeignKey("bundles.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    experience: Mapped[Experience] = relationship(lazy="selectin")
    comment: Mapped[Comment | None] = relationship(lazy="selectin")
    agenda_item: Mapped[AgendaItem | None] = relationship(lazy="selectin")
    bundle: Mapped[Bundle | None] = relationship(lazy="selectin")

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
