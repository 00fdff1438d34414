"""Reflection sessions, their formats, participants' preparation, what the session recorded,
and the anonymous temperature check (scores counted per value, voters kept apart)."""
from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..agenda.models import AgendaItem
from ..auth.models import User
from ..bundles.models import Bundle
from ..extensions import db
from ..taxonomy.models import Condition
from ..timeutil import UTCDateTime, utcnow


class MaterialKind(StrEnum):
    BUNDEL = "bundel"
    ZOEKOPDRACHT = "zoekopdracht"
    PERIODE = "periode"


class NoteKind(StrEnum):
    NOTITIE = "notitie"
    INZICHT = "inzicht"


class ReflectionFormat(db.Model):
    """A way of running a session: its questions, one per line; `per_condition` walks through
    the active conditions one by one."""

    __tablename__ = "reflection_formats"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    questions: Mapped[str] = mapped_column(Text, default="")
    per_condition: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    @property
    def question_list(self) -> list[str]:
        return [line.strip() for line in self.questions.splitlines() if line.strip()]


reflection_participants = Table(
    "reflection_participants",
    db.metadata,
    Column("session_id", ForeignKey("reflection_sessions.id", ondelete="CASCADE"),
           primary_key=True),
    Column("user_id", ForeignKey("users.id"), primary_key=True, index=True),
)

reflection_attendance = Table(  # who was there, ticked by the facilitator
    "reflection_attendance",
    db.metadata,
    Column("session_id", ForeignKey("reflection_sessions.id", ondelete="CASCADE"),
           primary_key=True),
    Column("user_id", ForeignKey("users.id"), primary_key=True, index=True),
)

reflection_decisions = Table(
    "reflection_decisions",
    db.metadata,
    Column("session_id", ForeignKey("reflection_sessions.id", ondelete="CASCADE"),
           primary_key=True),
    Column("agenda_item_id", ForeignKey("agenda_items.id", ondelete="CASCADE"),
           primary_key=True),
)


class ReflectionSession(db.Model):
    __tablename__ = "reflection_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date] = mapped_column(Date, index=True)
    place: Mapped[str] = mapped_column(String(500), default="")
    format_id: Mapped[int] = mapped_column(ForeignKey("reflection_formats.id"))
    facilitator_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    material_kind: Mapped[str] = mapped_column(String(20))
    bundle_id: Mapped[int | None] = mapped_column(ForeignKey("bundles.id", ondelete="SET NULL"))
    query: Mapped[str] = mapped_column(String(500), default="")
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    format: Mapped[ReflectionFormat] = relationship()
    facilitator: Mapped[User] = relationship(foreign_keys=[facilitator_id])
    created_by: Mapped[User] = relationship(foreign_keys=[created_by_id])
    bundle: Mapped[Bundle | None] = relationship()
    participants: Mapped[list[User]] = relationship(secondary=reflection_participants,
                                                    order_by=User.name)
    attendees: Mapped[list[User]] = relationship(secondary=reflection_attendance,
                                                 order_by=User.name)
    agenda_items: Mapped[list[AgendaItem]] = relationship(secondary=reflection_decisions,
                                                          order_by=AgendaItem.id)
    notes: Mapped[list["ReflectionNote"]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="ReflectionNote.id")
    questions: Mapped[list["ReflectionQuestion"]] = relationship(
        back_populates="session", cascade="all, delete-orphan",
        order_by="ReflectionQuestion.id")

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def is_open(self) -> bool:
        """Still to be prepared, held or changed: neither closed nor cancelled."""
        return not self.is_closed and not self.is_cancelled


class ReflectionMark(db.Model):
    """A participant wants to discuss this experience ("wil ik bespreken")."""

    __tablename__ = "reflection_marks"
    __table_args__ = (UniqueConstraint("session_id", "user_id", "experience_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("reflection_sessions.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    experience_id: Mapped[int] = mapped_column(ForeignKey("experiences.id", ondelete="CASCADE"),
                                               index=True)


class ReflectionQuestion(db.Model):
    """A question a participant brings to the session."""

    __tablename__ = "reflection_questions"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("reflection_sessions.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    session: Mapped[ReflectionSession] = relationship(back_populates="questions")
    author: Mapped[User] = relationship()


class ReflectionNote(db.Model):
    """A note or insight captured during the session, about one step of the run view
    (`step_key`: "ervaring-12", "vraag-3", "randvoorwaarde-2" or "vraag-format-1")."""

    __tablename__ = "reflection_notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("reflection_sessions.id", ondelete="CASCADE"), index=True)
    step_key: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20), default=NoteKind.NOTITIE)
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    session: Mapped[ReflectionSession] = relationship(back_populates="notes")


class TemperatureVote(db.Model):
    """That a participant answered the temperature check for a condition, never what."""

    __tablename__ = "reflection_votes"
    __table_args__ = (UniqueConstraint("session_id", "condition_id", "user_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("reflection_sessions.id", ondelete="CASCADE"), index=True)
    condition_id: Mapped[int] = mapped_column(ForeignKey("conditions.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)


class TemperatureTally(db.Model):
    """How many answered `score` (1–5) for a condition in a session: a count, no person."""

    __tablename__ = "reflection_tallies"
    __table_args__ = (UniqueConstraint("session_id", "condition_id", "score"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("reflection_sessions.id", ondelete="CASCADE"), index=True)
    condition_id: Mapped[int] = mapped_column(ForeignKey("conditions.id"))
    score: Mapped[int] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer, default=0)

    condition: Mapped[Condition] = relationship()
