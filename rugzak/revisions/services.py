"""Reading an experience's history and bringing an earlier version back."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from ..auth.models import User
from ..experiences.models import Experience
from ..experiences.services import ExperienceInput, update_experience
from ..extensions import db
from .models import ExperienceRevision


def revisions_of(experience: Experience) -> list[ExperienceRevision]:
    """Newest first."""
    return list(db.session.scalars(
        select(ExperienceRevision).where(ExperienceRevision.experience_id == experience.id)
        .order_by(ExperienceRevision.number.desc())))


def restore_revision(editor: User, experience: Experience, revision: ExperienceRevision,
                     version: int | None) -> Experience:
    """Save the content of `revision` as a new revision; publication, anonymity and the
    consent to share openly stay.

    The save goes through update_experience, with all its rules: Forbidden for who may not
    edit, StaleVersion when the experience changed since `version`, InvalidInput when the
    old content no longer fits (e.g. a department that was retired since).
    """
    data = input_from_snapshot(revision.snapshot)
    data.status, data.anonymous = experience.status, experience.anonymous
    data.open_consent = experience.open_consent
    return update_experience(editor, experience, data, version, restored_from=revision.number)


def input_from_snapshot(snapshot: dict) -> ExperienceInput:
    values = dict(snapshot)
    occurred = values.get("occurred_on")
    values["occurred_on"] = date.fromisoformat(occurred) if occurred else None
    values["conditions"] = dict(values.get("conditions") or {})
    known = ExperienceInput.__dataclass_fields__
    return ExperienceInput(**{name: value for name, value in values.items() if name in known})
