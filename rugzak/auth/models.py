"""Accounts and personal API tokens."""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..taxonomy.models import Department, Partner
from ..timeutil import UTCDateTime, utcnow
from .roles import CURATORS, Role


class User(UserMixin, db.Model):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default=Role.MEDEWERKER)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    locale: Mapped[str | None] = mapped_column(String(10))  # None: the browser's preference
    password_hash: Mapped[str | None] = mapped_column(String(255))
    # Part of the session id: raising it signs the user out everywhere.
    session_generation: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    department: Mapped[Department | None] = relationship()
    partner: Mapped[Partner | None] = relationship()

    @property
    def is_active(self) -> bool:
        return self.active

    def get_id(self) -> str:
        return f"{self.id}:{self.session_generation}"

    @property
    def is_partner(self) -> bool:
        return self.role == Role.PARTNER

    @property
    def is_curator(self) -> bool:
        return self.role in CURATORS

    @property
    def organisation(self) -> Department | Partner | None:
        return self.partner if self.is_partner else self.department


class ApiToken(db.Model):
    """A personal API token; only its SHA-256 digest is stored. It works until it expires or
    ends (revoked, a password change, deactivation); an ended token never works again."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    end_reason: Mapped[str | None] = mapped_column(String(30))

    user: Mapped[User] = relationship()

    @staticmethod
    def digest_of(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @classmethod
    def issue(cls, user: User, label: str = "",
              expires_at: datetime | None = None) -> tuple["ApiToken", str]:
        token = "rzk_" + secrets.token_urlsafe(32)
        return cls(user=user, digest=cls.digest_of(token), label=label,
                   expires_at=expires_at), token

    def works_at(self, now: datetime) -> bool:
        return self.ended_at is None and (self.expires_at is None or now < self.expires_at)
