"""Experiences a person put in the bin, in the data download. At erasure the bin keeps them,
deleted by "oud-medewerker"."""
from __future__ import annotations

from sqlalchemy import select

from ..auth.models import User
from ..experiences.models import Experience
from ..extensions import db
from ..personal_data import personal_data_section


@personal_data_section("experiences_binned", Experience.deleted_by_id)
def experiences_binned(user: User) -> list[dict]:
    rows = db.session.execute(select(Experience.id, Experience.deleted_at)
                              .where(Experience.deleted_by_id == user.id)
                              .order_by(Experience.id))
    return [{"experience_id": number, "deleted_at": at} for number, at in rows]
