"""Reading open publications: by change date for subscribers, newest first for the feed."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from ..bundles.models import Bundle, BundleItem
from ..experiences.models import Experience
from ..experiences.queries import LIST_LOADING
from ..extensions import db
from .models import OpenBundle, OpenExperience
from .policies import shown_clause

EXPERIENCE_LOADING = selectinload(OpenExperience.experience).options(*LIST_LOADING)
BUNDLE_LOADING = (selectinload(OpenBundle.bundle).selectinload(Bundle.items)
                  .selectinload(BundleItem.experience))


def changed_since(model, since: datetime | None) -> Select:
    """Every open publication of `model` (shown or withdrawn) changed at or after `since`,
    oldest change first: a subscriber pages through and keeps the last `updated_at` it saw."""
    query = select(model).order_by(model.updated_at, model.id)
    if since is not None:
        query = query.where(model.updated_at >= since)
    loading = EXPERIENCE_LOADING if model is OpenExperience else BUNDLE_LOADING
    return query.options(loading)


def newest_shown(limit: int) -> list[OpenExperience]:
    """What is shared openly now, most recently changed first (the Atom feed)."""
    return list(db.session.scalars(
        select(OpenExperience).join(OpenExperience.experience).where(shown_clause())
        .order_by(OpenExperience.updated_at.desc(), OpenExperience.id.desc())
        .options(EXPERIENCE_LOADING).limit(limit)))


def shown_by_experience(experience_ids: list[int]) -> dict[int, OpenExperience]:
    """The shown open publications of these experiences (search hits), by experience id."""
    rows = db.session.scalars(
        select(OpenExperience).join(OpenExperience.experience)
        .where(shown_clause(), Experience.id.in_(experience_ids)).options(EXPERIENCE_LOADING))
    return {row.experience_id: row for row in rows}


def shown_bundles() -> list[OpenBundle]:
    return list(db.session.scalars(
        select(OpenBundle).where(OpenBundle.withdrawn_at.is_(None))
        .order_by(OpenBundle.published_at.desc()).options(BUNDLE_LOADING)))


def last_change() -> datetime | None:
    """When the open set last changed (the catalogue's modified date)."""
    return db.session.scalar(select(OpenExperience.updated_at)
                             .order_by(OpenExperience.updated_at.desc()).limit(1))
