"""Bring the index up to date with the change log: idempotent, one writer at a time."""
from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, selectinload
from whoosh.index import FileIndex

from ..experiences.models import Experience, ExperienceCondition
from ..experiences.policies import not_deleted
from ..peers.models import ExternalExperience
from ..sqlite import reading_only
from ..timeutil import utcnow
from .changelog import EXPERIENCE, EXTERNAL, PURGE, SearchChange
from .documents import BULK_ANALYSIS, META_ID, document, external_document, external_key
from .whoosh_private import add_segments, write_segment

BATCH = 2000
# A rebuild this big reads and analyses in parallel processes, each writing whole segments.
PARALLEL_FROM = 5000
PARALLEL_PROCS = min(os.cpu_count() or 1, 4)
SEGMENT_DOCS = 25_000  # at most this many experiences a segment: its postings wait in memory
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
    """Fill an empty index from the database (own experiences and other municipalities'
    copies); returns the number of documents.

    The experiences are cut into shares of consecutive ids, each written as one segment; a
    big rebuild writes them in forked processes that read their own share from the database.
    It only reads, so it never holds SQLite's write lock (saves go on during a rebuild).
    """
    with reading_only():
        start = _safe_start(session)  # changes after this are caught up afterwards
        shares = _shares(session.scalars(select(Experience.id).where(not_deleted())
                                         .order_by(Experience.id)).all(), start)
        if len(shares) > 1:
            segments = _write_in_processes(ix, session.get_bind(), shares)
        else:
            segments = [write_segment(ix, _documents(session, share), BULK_ANALYSIS)
                        for share in shares]
    add_segments(ix, segments)
    return sum(segment.doc_count_all() for segment in segments) - 1  # not the meta document


@dataclass(frozen=True)
class Share:
    first_id: int
    last_id: int
    meta_seq: int | None = None  # the last share also holds the meta document


def _shares(ids: list[int], start: int) -> list[Share]:
    size = min(SEGMENT_DOCS, -(-len(ids) // PARALLEL_PROCS)) \
        if len(ids) >= PARALLEL_FROM else len(ids)
    shares = [Share(ids[first], ids[min(first + size, len(ids)) - 1])
              for first in range(0, len(ids), size or 1)]
    last = shares.pop() if shares else Share(0, -1)
    return [*shares, Share(last.first_id, last.last_id, meta_seq=start)]


def _documents(session: Session, share: Share):
    query = (select(Experience).where(Experience.id.between(share.first_id, share.last_id),
                                      not_deleted())
             .options(*LOADING).order_by(Experience.id))
    for experience in session.scalars(query).yield_per(500):
        yield document(experience)
    if share.meta_seq is not None:  # the last share: also the copies and the meta document
        for external in session.scalars(select(ExternalExperience)).yield_per(500):
            yield external_document(external)
        yield {"id": META_ID, "meta_seq": share.meta_seq}


_worker: tuple[FileIndex, Engine] | None = None  # set in each forked rebuild process


def _write_in_processes(ix: FileIndex, engine: Engine, shares: list[Share]) -> list:
    with multiprocessing.get_context("fork").Pool(
            PARALLEL_PROCS, initializer=_start_worker, initargs=(ix, engine)) as pool:
        return pool.map(_write_share, shares, chunksize=1)


def _start_worker(ix: FileIndex, engine: Engine) -> None:
    global _worker
    engine.dispose(close=False)  # the parent's connections stay the parent's
    _worker = (ix, engine)


def _write_share(share: Share):
    ix, engine = _worker
    with reading_only(), Session(engine) as session:
        return write_segment(ix, _documents(session, share), BULK_ANALYSIS)


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
