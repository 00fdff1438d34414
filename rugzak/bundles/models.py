from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import User
from ..experiences.models import Experience, Visibility
from ..extensions import db
from ..timeutil import UTCDateTime, utcnow


class Bundle(db.Model):
    __tablename__ = "bundles"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    intro: Mapped[str] = mapped_column(Text, default="")
    # Partners read only bundles shared with them; items follow their own visibility.
    visibility: Mapped[str] = mapped_column(String(20), default=Visibility.INTERN)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    created_by: Mapped[User] = relationship()
    items: Mapped[list[BundleItem]] = relationship(
        back_populates="bundle", cascade="all, delete-orphan",
        order_by="(BundleItem.position, BundleItem.id)")


class BundleItem(db.Model):
    __tablename__ = "bundle_items"
    __table_args__ = (UniqueConstraint("bundle_id", "experience_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    bundle_id: Mapped[int] = mapped_column(ForeignKey("bundles.id", ondelete="CASCADE"),
                                           index=True)
    experience_id: Mapped[int] = mapped_column(
        ForeignKey("experiences.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")

    bundle: Mapped[Bundle] = relationship(back_populates="items")
    experience: Mapped[Experience] = relationship()
