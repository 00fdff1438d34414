"""What an export holds: one entry per table, in an order that respects foreign keys.

A feature that adds a table adds one `TableExport` here; export, import and the README of the
export follow from it.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Table

from ..audit.models import AuditEvent
from ..auth.models import User
from ..experiences.models import (
    Experience,
    ExperienceCondition,
    experience_departments,
    experience_goals,
    experience_partners,
    experience_tags,
)
from ..revisions.models import ExperienceRevision
from ..search.log import SearchLog
from ..taxonomy.models import Condition, Department, Goal, Partner, Tag


@dataclass(frozen=True)
class TableExport:
    table: Table
    description: str
    leave_out: tuple[str, ...] = ()  # columns that never leave the database

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def columns(self) -> list:
        return [column for column in self.table.columns if column.name not in self.leave_out]


TABLES: list[TableExport] = [
    TableExport(Department.__table__, "Afdelingen van de gemeente."),
    TableExport(Partner.__table__, "Partnerorganisaties."),
    TableExport(Condition.__table__, "De randvoorwaarden voor samenwerking."),
    TableExport(Goal.__table__, "De transformatiedoelen."),
    TableExport(Tag.__table__, "Trefwoorden."),
    TableExport(User.__table__, "Gebruikers, zonder wachtwoord: na een import stelt iedereen "
                "een nieuw wachtwoord in.", leave_out=("password_hash",)),
    TableExport(Experience.__table__, "Ervaringen (STARR), met status, zichtbaarheid en "
                "prullenbak (deleted_at)."),
    TableExport(experience_departments, "Welke afdelingen bij een ervaring betrokken waren."),
    TableExport(experience_partners, "Welke partners bij een ervaring betrokken waren."),
    TableExport(experience_goals, "Aan welke transformatiedoelen een ervaring bijdraagt."),
    TableExport(experience_tags, "Trefwoorden per ervaring."),
    TableExport(ExperienceCondition.__table__, "Randvoorwaarden per ervaring: hielp of "
                "ontbrak."),
    TableExport(ExperienceRevision.__table__, "Alle bewaarde versies van elke ervaring; "
                "snapshot bevat de inhoud van die versie."),
    TableExport(AuditEvent.__table__, "Het auditlog: wie deed wat, wanneer (UTC)."),
    TableExport(SearchLog.__table__, "Zoekvragen en hoeveel ze vonden, zonder wie zocht."),
]
