"""Agenda items (agendapunten), their dated progress updates and the history of every change."""
from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import User
from ..experiences.models import Experience
from ..extensions import db
from ..taxonomy.models import Department, Partner
from ..timeutil import UTCDateTime, utcnow


class AgendaStatus(StrEnum):
    IDEE = "idee"
    LOOPT = "loopt"
    GEREALISEERD = "gerealiseerd"
    GESTOPT = "gestopt"


OPEN_STATUSES = (AgendaStatus.IDEE, AgendaStatus.LOOPT)

agenda_item_experiences = Table(
    "agenda_item_experiences",
    db.metadata,
    Column("agenda_item_id", ForeignKey("agenda_items.id", ondelete="CASCADE"), primary_key=True),
    Column("experience_id", ForeignKey("experiences.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)

_ONE_OWNER = " + ".join(f"(CASE WHEN {column} IS NULL THEN 0 ELSE 1 END)" for column in (
    "owner_user_id", "owner_department_id", "owner_partner_id")) + " = 1"


class AgendaItem(db.Model):
    __tablename__ = "agenda_items"
    __table_args__ = (CheckConstraint(_ONE_OWNER, name="one_owner"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default=AgendaStatus.IDEE, index=True)
    target_date: Mapped[date | None] = mapped_column(Date)
    shared_with_partners: Mapped[bool] = mapped_column(Boolean, default=False)
    owner_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    owner_department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    owner_partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"), index=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}

    owner_user: Mapped[User | None] = relationship(foreign_keys=[owner_user_id])
    owner_department: Mapped[Department | None] = relationship()
    owner_partner: Mapped[Partner | None] = relationship()
    created_by: Mapped[User] = relationship(foreign_keys=[created_by_id])
    experiences: Mapped[list[Experience]] = relationship(
        secondary=agenda_item_experiences, order_by=Experience.id)
    updates: Mapped[list["AgendaUpdate"]] = relationship(
        back_populates="item", cascade="all, delete-orphan",
        order_by="(AgendaUpdate.written_at.desc(), AgendaUpdate.id.desc())")
    changes: Mapped[list["AgendaChange"]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="AgendaChange.id.desc()")

    @property
    def owner(self) -> User | Department | Partner | None:
        return self.owner_user or self.owner_department or self.owner_partner

    @property
    def owner_key(self) -> str:
        if self.owner_user is not None:
            return f"user:{self.owner_user.id}"
        if self.owner_department is not None:
            return f"department:{self.owner_department.slug}"
        return f"partner:{self.owner_partner.slug}" if self.owner_partner else ""

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: date | None = None) -> bool:
        return bool(self.is_open and self.target_date
                    and self.target_date < (today or date.today()))


class AgendaUpdate(db.Model):
    """A dated progress update (voortgang), possibly moving the item to another status."""

    __tablename__ = "agenda_updates"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"),
                                         index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    written_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(20))

    item: Mapped[AgendaItem] = relationship(back_populates="updates")
    author: Mapped[User] = relationship()


class AgendaChange(db.Model):
    """One kept line of an item's history: who changed which field from what to what."""

    __tablename__ = "agenda_changes"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"),
                                         index=True)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")

    item: Mapped[AgendaItem] = relationship(back_populates="changes")
    changed_by: Mapped[User | None] = relationship()
