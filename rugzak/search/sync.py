"""Bring the index up to date with the change log: idempotent, one writer at a time."""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload
from whoosh.index import FileIndex

from ..experiences.models import Experience, ExperienceCondition
from ..experiences.policies import not_deleted
from ..peers.models import ExternalExperience
from ..timeutil import utcnow
from .changelog import EXPERIENCE, EXTERNAL, PURGE, SearchChange
from .documents import META_ID, document, external_document, external_key

BATCH = 2000
# A rebuild this big analyses in parallel processes, each writing its own segment.
PARALLEL_FROM = 5000
PARALLEL_PROCS = min(os.cpu_count() or 1, 4)
PARALLEL_BATCH = 100  # documents handed to a process at a time (Whoosh's default)
# A missing sequence number younger than this may belong to a transaction that has not
# committed yet (PostgreSQL hands out numbers before commit); older gaps were rolled back.
GAP_GRACE = timedelta(seconds=30)
LOADING = (selectinload(Experience.departments), selectinload(Experience.partners),
           selectinload(Experience.goals), selectinload(Experience.tags),
           selectinload(Experience.conditions).joinedload(ExperienceCondition.condition))


@dataclass
class Progress:
    applied_changes: int
    watermark: int


def watermark_of(ix: FileIndex) -> int:
    """The last change the index applied, stored in its meta document."""
    with ix.searcher() as searcher:
        return watermark_seen_by(searcher)


def watermark_seen_by(searcher) -> int:
    meta = searcher.document(id=META_ID)
    return int(meta["meta_seq"]) if meta else 0


def latest_change(session: Session) -> int:
    return session.scalar(select(func.max(SearchChange.seq))) or 0


def apply_pending(ix: FileIndex, session: Session, lock_timeout: float) -> Progress:
    """Apply every change after the index's watermark; raises LockError when another holds it."""
    writer = ix.writer(timeout=lock_timeout)
    try:
        watermark = watermark_of(ix)
        changes = session.execute(
            select(SearchChange.seq, SearchChange.entity, SearchChange.entity_id,
                   SearchChange.created_at)
            .where(SearchChange.seq > watermark).order_by(SearchChange.seq).limit(BATCH)).all()
        if not changes:
            writer.cancel()
            return Progress(0, watermark)
        ids = {change.entity_id for change in changes if change.entity == EXPERIENCE}
        write_experiences(writer, session, ids)
        write_externals(writer, session,
                        {change.entity_id for change in changes if change.entity == EXTERNAL})
        new_watermark = advance(watermark, changes)
        writer.update_document(id=META_ID, meta_seq=new_watermark)
        writer.commit(optimize=any(change.entity == PURGE for change in changes))
    except BaseException:
        if not writer.is_closed:
            writer.cancel()
        raise
    return Progress(len(changes), new_watermark)


def write_experiences(writer, session: Session, ids: set[int]) -> None:
    """Re-read the current rows: order of arrival no longer matters. What is in the bin (or
    gone) leaves the index: nothing deleted can be found, whatever the query."""
    found = session.scalars(select(Experience).where(Experience.id.in_(ids), not_deleted())
                            .options(*LOADING)).all() if ids else []
    for experience in found:
        writer.update_document(**document(experience))
    for missing in ids - {experience.id for experience in found}:
        writer.delete_by_term("id", str(missing))


def write_externals(writer, session: Session, ids: set[int]) -> None:
    """As write_experiences, for the copies of other municipalities' open experiences."""
    found = session.scalars(select(ExternalExperience).where(
        ExternalExperience.id.in_(ids))).all() if ids else []
    for external in found:
        writer.update_document(**external_document(external))
    for missing in ids - {external.id for external in found}:
        writer.delete_by_term("id", external_key(missing))


def advance(watermark: int, changes) -> int:
    """The highest sequence number up to which nothing can still arrive."""
    old_enough = utcnow() - GAP_GRACE
    for change in changes:
        if change.seq != watermark + 1 and change.created_at > old_enough:
            break  # a younger gap: re-read from here next time (applying again is harmless)
        watermark = change.seq
    return watermark


def rebuild_into(ix: FileIndex, session: Session) -> int:
    """Fill an empty index from the database; returns the number of experiences."""
    start = _safe_start(session)  # changes after this are caught up afterwards
    big = (session.scalar(select(func.count()).select_from(Experience)) or 0) >= PARALLEL_FROM
    writer = ix.writer(procs=PARALLEL_PROCS, multisegment=True, limitmb=128,
                       batchsize=PARALLEL_BATCH) if big else ix.writer(limitmb=256)
    count = 0
    query = select(Experience).where(not_deleted()).options(*LOADING).order_by(Experience.id)
    for experience in session.scalars(query).yield_per(500):
        writer.add_document(**document(experience))
        count += 1
    for external in session.scalars(select(ExternalExperience)).yield_per(500):
        writer.add_document(**external_document(external))
    writer.add_document(id=META_ID, meta_seq=start)
    writer.commit()
    return count


def _safe_start(session: Session) -> int:
    """Start just before any change young enough to belong to a still-open transaction."""
    young = session.scalar(select(func.min(SearchChange.seq))
                           .where(SearchChange.created_at > utcnow() - GAP_GRACE))
    return young - 1 if young else latest_change(session)


def indexable_count(session: Session) -> int:
    """How many experiences (own, and copies of other municipalities') the index should hold."""
    own = session.scalar(select(func.count()).select_from(Experience).where(not_deleted()))
    copies = session.scalar(select(func.count()).select_from(ExternalExperience))
    return (own or 0) + (copies or 0)


def indexed_count(ix: FileIndex) -> int:
    with ix.searcher() as searcher:
        return searcher.doc_count() - (1 if searcher.document(id=META_ID) else 0)
