"""An experience (ervaring) in the STARR structure, with its tags to the taxonomy."""
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
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import User
from ..extensions import db
from ..taxonomy.models import Condition, Department, Goal, Partner, Tag
from ..timeutil import UTCDateTime, utcnow


class Kind(StrEnum):
    SUCCES = "succes"
    KNELPUNT = "knelpunt"
    LES = "les"
    VRAAG = "vraag"


class Visibility(StrEnum):
    INTERN = "intern"
    MET_PARTNERS = "met_partners"


class Status(StrEnum):
    CONCEPT = "concept"
    GEPUBLICEERD = "gepubliceerd"


class Effect(StrEnum):
    HIELP = "hielp"
    ONTBRAK = "ontbrak"


TEXT_SECTIONS = ("situation", "task", "approach", "result", "lesson", "tip")


def _link_table(name: str, target: str) -> Table:
    return Table(
        f"experience_{name}",
        db.metadata,
        Column("experience_id", ForeignKey("experiences.id", ondelete="CASCADE"),
               primary_key=True),
        Column(f"{target}_id", ForeignKey(f"{target}s.id"), primary_key=True, index=True),
    )


experience_departments = _link_table("departments", "department")
experience_partners = _link_table("partners", "partner")
experience_goals = _link_table("goals", "goal")
experience_tags = _link_table("tags", "tag")


class ExperienceCondition(db.Model):
    """A condition tagged on an experience, and whether it helped or was missing."""

    __tablename__ = "experience_conditions"
    experience_id: Mapped[int] = mapped_column(
        ForeignKey("experiences.id", ondelete="CASCADE"), primary_key=True)
    condition_id: Mapped[int] = mapped_column(ForeignKey("conditions.id"), primary_key=True,
                                              index=True)
    effect: Mapped[str] = mapped_column(String(10))

    condition: Mapped[Condition] = relationship(lazy="joined")


class Experience(db.Model):
    __tablename__ = "experiences"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    situation: Mapped[str] = mapped_column(Text)
    task: Mapped[str] = mapped_column(Text, default="")
    approach: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(Text, default="")
    lesson: Mapped[str] = mapped_column(Text)
    tip: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20), default=Kind.LES)
    occurred_on: Mapped[date | None] = mapped_column(Date)
    visibility: Mapped[str] = mapped_column(String(20), default=Visibility.INTERN, index=True)
    status: Mapped[str] = mapped_column(String(20), default=Status.CONCEPT, index=True)
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    # "mag openbaar gedeeld worden": the author's consent; the core team publishes (rugzak/open)
    open_consent: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hidden_reason: Mapped[str | None] = mapped_column(Text)
    highlighted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    highlight_note: Mapped[str | None] = mapped_column(Text)
    # Kept equal to the rows in `recognitions` (see recognition/services.py), for sorting.
    recognition_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    # In the bin: gone for everyone until the kernteam restores it; never removed.
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    deleted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # "Klopt dit nog?" (rugzak/freshness): the author's last confirmation, and since when it is
    # history (kept and findable, shown as history).
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    historical_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __mapper_args__ = {"version_id_col": version}

    author: Mapped[User] = relationship(foreign_keys=[author_id])
    deleted_by: Mapped[User | None] = relationship(foreign_keys=[deleted_by_id])
    departments: Mapped[list[Department]] = relationship(
        secondary=experience_departments, order_by=Department.name)
    partners: Mapped[list[Partner]] = relationship(
        secondary=experience_partners, order_by=Partner.name)
    goals: Mapped[list[Goal]] = relationship(secondary=experience_goals, order_by=Goal.position)
    tags: Mapped[list[Tag]] = relationship(secondary=experience_tags, order_by=Tag.name)
    conditions: Mapped[list[ExperienceCondition]] = relationship(
        cascade="all, delete-orphan", order_by=ExperienceCondition.condition_id)

    @property
    def is_published(self) -> bool:
        return self.status == Status.GEPUBLICEERD

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_highlighted(self) -> bool:
        return self.highlighted_at is not None

    @property
    def is_historical(self) -> bool:
        return self.historical_at is not None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None
