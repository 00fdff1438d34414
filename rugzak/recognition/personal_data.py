"""Herkenbaar in the data download. At erasure a person's recognitions stay, attributed to
"oud-medewerker", so every experience's count stays what colleagues gave it; nothing to do."""
from __future__ import annotations

from sqlalchemy import select

from ..auth.models import User
from ..extensions import db
from ..personal_data import personal_data_section
from .models import Recognition


@personal_data_section("recognitions", Recognition.user_id)
def recognitions_given(user: User) -> list[dict]:
    rows = db.session.scalars(select(Recognition).where(Recognition.user_id == user.id)
                              .order_by(Recognition.created_at, Recognition.experience_id))
    return [{"experience_id": r.experience_id, "created_at": r.created_at} for r in rows]
