"""Demo content: the first version of a back-dated experience carries the same date."""
from datetime import datetime

from sqlalchemy import update

from ..extensions import db
from ..revisions.models import ExperienceRevision


def date_first_revision(experience_id: int, written: datetime) -> None:
    db.session.execute(update(ExperienceRevision).where(
        ExperienceRevision.experience_id == experience_id).values(saved_at=written))
