"""Where a person's concepts started with Snel vastleggen were left."""
from __future__ import annotations

from sqlalchemy import select

from ..auth.models import User
from ..experiences.models import Experience, Status
from ..experiences.policies import not_deleted
from ..extensions import db
from .models import CaptureProgress


def resume_steps(user: User) -> dict[int, int]:
    """Experience id -> the step to resume at, for the user's concepts."""
    rows = db.session.execute(
        select(CaptureProgress.experience_id, CaptureProgress.step)
        .join(Experience, Experience.id == CaptureProgress.experience_id)
        .where(Experience.author_id == user.id, Experience.status == Status.CONCEPT,
               not_deleted()))
    return {experience_id: step for experience_id, step in rows}
