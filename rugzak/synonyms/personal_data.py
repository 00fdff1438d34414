"""Synonym groups a person added or changed, in the data download. At erasure the groups stay,
added by "oud-medewerker": they are the core team's shared vocabulary."""
from __future__ import annotations

from sqlalchemy import or_, select

from ..auth.models import User
from ..extensions import db
from ..personal_data import personal_data_section
from .models import SynonymGroup


@personal_data_section("synonyms", SynonymGroup.created_by_id, SynonymGroup.updated_by_id)
def synonym_groups_kept(user: User) -> list[dict]:
    rows = db.session.scalars(select(SynonymGroup).where(or_(
        SynonymGroup.created_by_id == user.id, SynonymGroup.updated_by_id == user.id))
        .order_by(SynonymGroup.id))
    return [{"id": group.id, "members": group.members,
             "added": group.created_by_id == user.id, "created_at": group.created_at,
             "changed": group.updated_by_id == user.id, "updated_at": group.updated_at}
            for group in rows]
