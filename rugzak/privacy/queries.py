"""Reads for the privacy pages: confirmed findings, and what an erasure would touch."""
from __future__ import annotations

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import joinedload

from ..auth.models import User
from ..experiences.models import Experience
from ..experiences.policies import visible_clause
from ..extensions import db
from .models import PrivacyFinding


def confirmed_findings(user: User) -> Select:
    """Newest first; a finding on (a text on) an experience only if `user` may see it."""
    return (select(PrivacyFinding).outerjoin(PrivacyFinding.experience)
            .where(or_(PrivacyFinding.experience_id.is_(None), visible_clause(user)))
            .options(joinedload(PrivacyFinding.experience),
                     joinedload(PrivacyFinding.confirmed_by))
            .order_by(PrivacyFinding.confirmed_at.desc(), PrivacyFinding.id.desc()))


def authored_count(user: User) -> int:
    return db.session.scalar(select(func.count()).select_from(Experience)
                             .where(Experience.author_id == user.id))
