"""The versions a person saved, in the data download. At erasure they stay, saved by
"oud-medewerker" (a snapshot holds the experience's content, never its author); versions of a
deleted experience go with it."""
from __future__ import annotations

from sqlalchemy import select

from ..auth.models import User
from ..extensions import db
from ..personal_data import personal_data_section
from .models import ExperienceRevision


@personal_data_section("revisions_saved", ExperienceRevision.saved_by_id)
def revisions_saved(user: User) -> list[dict]:
    rows = db.session.scalars(select(ExperienceRevision)
                              .where(ExperienceRevision.saved_by_id == user.id)
                              .order_by(ExperienceRevision.experience_id,
                                        ExperienceRevision.number))
    return [{"experience_id": r.experience_id, "number": r.number, "saved_at": r.saved_at,
             "restored_from": r.restored_from, "snapshot": r.snapshot} for r in rows]
