"""Bundles a person made, in the data download. At erasure bundles stay, made by
"oud-medewerker": they are the kernteam's shared material; items whose experience is deleted
go with it."""
from __future__ import annotations

from sqlalchemy import select

from ..auth.models import User
from ..extensions import db
from ..personal_data import personal_data_section
from .models import Bundle


@personal_data_section("bundles", Bundle.created_by_id)
def bundles_made(user: User) -> list[dict]:
    rows = db.session.scalars(select(Bundle).where(Bundle.created_by_id == user.id)
                              .order_by(Bundle.id))
    return [{"id": b.id, "title": b.title, "intro": b.intro, "visibility": b.visibility,
             "created_at": b.created_at, "updated_at": b.updated_at,
             "experience_ids": [item.experience_id for item in b.items]} for b in rows]
