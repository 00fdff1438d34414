"""Open sharing at erasure. The open rows link to no person; but when a person's experiences
are deleted with them, their open publications are withdrawn first (audited), so subscribers
get a tombstone and the open id is never reused."""
from __future__ import annotations

from sqlalchemy import select

from ..auth.models import User
from ..experiences.models import Experience
from ..extensions import db
from ..personal_data import user_erasing
from .models import OpenExperience
from .services import end_open_sharing


@user_erasing.connect
def withdraw_deleted_experiences(user: User, delete_experiences: bool = False,
                                 **_options) -> None:
    if not delete_experiences:
        return
    shared = db.session.scalars(select(OpenExperience).join(OpenExperience.experience)
                                .where(Experience.author_id == user.id))
    for row in shared:
        end_open_sharing(row.experience, "auteur gewist met ervaringen")
