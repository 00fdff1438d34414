"""Writing a revision inside the transaction of the save it describes."""
from __future__ import annotations

from sqlalchemy import func, select

from ..audit.models import Action
from ..audit.services import record
from ..extensions import db
from .models import ExperienceRevision

TEXT_FIELDS = ("title", "situation", "task", "approach", "result", "lesson", "tip")


def snapshot_of(experience) -> dict:
    """Everything an editor can change, in plain JSON values (slugs for the taxonomy), lists
    sorted so that equal content gives equal snapshots."""
    return {
        **{name: getattr(experience, name) for name in TEXT_FIELDS},
        "kind": experience.kind,
        "occurred_on": experience.occurred_on.isoformat() if experience.occurred_on else None,
        "visibility": experience.visibility, "status": experience.status,
        "anonymous": experience.anonymous,
        "departments": sorted(d.slug for d in experience.departments),
        "partners": sorted(p.slug for p in experience.partners),
        "goals": sorted(g.slug for g in experience.goals),
        "conditions": dict(sorted((c.condition.slug, c.effect) for c in experience.conditions)),
        "tags": sorted(t.name for t in experience.tags),
    }


def record_revision(experience, editor, restored_from: int | None = None) -> ExperienceRevision:
    """Flush the save (the version check happens here), then keep its result as a revision."""
    db.session.flush()
    revision = ExperienceRevision(
        experience_id=experience.id, number=_last_number(experience.id) + 1,
        saved_at=experience.updated_at, saved_by_id=editor.id if editor else None,
        restored_from=restored_from, snapshot=snapshot_of(experience))
    db.session.add(revision)
    if restored_from is not None:
        record(Action.REVISION_RESTORED, target=experience,
               detail=f"versie {restored_from} teruggezet als versie {revision.number}")
    return revision


def keep_baseline(experience) -> None:
    """An experience saved before revisions existed gets its current state as version 1."""
    if _last_number(experience.id) == 0:
        db.session.add(ExperienceRevision(
            experience_id=experience.id, number=1, saved_at=experience.updated_at,
            saved_by_id=experience.author_id, snapshot=snapshot_of(experience)))


def _last_number(experience_id: int) -> int:
    return db.session.scalar(select(func.max(ExperienceRevision.number))
                             .where(ExperienceRevision.experience_id == experience_id)) or 0
