"""Departments, partner organisations, conditions, goals and tags: data, not code."""
from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class _Named:
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))

    def __str__(self) -> str:
        return self.name


class Department(_Named, db.Model):
    __tablename__ = "departments"
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Partner(_Named, db.Model):
    __tablename__ = "partners"
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Condition(_Named, db.Model):
    """One of the five conditions for effective collaboration (randvoorwaarden)."""

    __tablename__ = "conditions"
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Goal(_Named, db.Model):
    """A transformation goal (transformatiedoel)."""

    __tablename__ = "goals"
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Tag(db.Model):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)

    def __str__(self) -> str:
        return self.name
