"""The experiences a person wrote, in the data download, with everything they entered."""
from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import select

from ..auth.models import User
from ..extensions import db
from ..personal_data import personal_data_section
from .models import Experience
from .services import ExperienceInput


@personal_data_section("experiences", Experience.author_id)
def experiences(user: User) -> list[dict]:
    rows = db.session.scalars(select(Experience).where(Experience.author_id == user.id)
                              .order_by(Experience.id))
    return [{"id": row.id, **asdict(ExperienceInput.from_experience(row)),
             "version": row.version, "created_at": row.created_at,
             "updated_at": row.updated_at, "published_at": row.published_at,
             "hidden_at": row.hidden_at, "hidden_reason": row.hidden_reason} for row in rows]
