"""A follow: a person's interest in a tag, condition, goal, department, partner organisation,
bundle, author, single experience or saved search."""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ..timeutil import UTCDateTime, utcnow


class FollowKind(StrEnum):
    TAG = "tag"
    CONDITION = "condition"
    GOAL = "goal"
    DEPARTMENT = "department"
    PARTNER = "partner"
    BUNDLE = "bundle"
    AUTHOR = "author"
    EXPERIENCE = "experience"
    SEARCH = "search"


TARGET_MAX = 1000


class Follow(db.Model):
    """`target` is canonical text (follows/targets.py): a tag's name; a condition's slug,
    optionally `:hielp` or `:ontbrak`; a goal's, department's or partner's slug; a bundle's,
    user's or experience's id; a search as its /zoeken query string."""

    __tablename__ = "follows"
    __table_args__ = (UniqueConstraint("user_id", "kind", "target", name="uq_follows_target"),
                      Index("ix_follows_kind_target", "kind", "target"))
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    target: Mapped[str] = mapped_column(String(TARGET_MAX))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
