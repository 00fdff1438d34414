"""The change log: every change that search must follow is a row, in the same transaction.

The index follows this table (see ARCHITECTURE.md): it records the last sequence number it
applied, so a crash between the database commit and the index update loses nothing. The session
hooks here are registered by the search service (service.init_search).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Integer, String, insert
from sqlalchemy.orm import Mapped, Session, mapped_column

from ..experiences.models import Experience, ExperienceCondition
from ..extensions import db
from ..timeutil import UTCDateTime, utcnow

EXPERIENCE = "experience"
# A read-only copy of another municipality's open experience (peers.models.ExternalExperience);
# the peers slice logs these itself, also for the bulk deletes of a sync and a peer's removal.
EXTERNAL = "external"
# After an erasure: once applied, rewrite the index into one segment, so the bytes of deleted
# documents leave its files (Whoosh otherwise only marks them deleted). entity_id is 0.
PURGE = "purge"
LOGGED_KEY = "rugzak.search.changed"


class SearchChange(db.Model):
    __tablename__ = "search_changes"
    __table_args__ = {"sqlite_autoincrement": True}  # never reuse a sequence number
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                     primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


def record_changes(session: Session, entity: str, ids) -> None:
    """Log changes; called by the flush hook and for bulk UPDATEs that bypass the ORM."""
    rows = [{"entity": entity, "entity_id": i, "created_at": utcnow()} for i in set(ids)]
    if rows:  # on the connection: no autoflush, also safe inside a flush
        session.connection().execute(insert(SearchChange.__table__), rows)
        session.info[LOGGED_KEY] = True


def _changed_experience_ids(session: Session) -> set[int]:
    ids = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Experience) and obj.id is not None:
            ids.add(obj.id)
        elif isinstance(obj, ExperienceCondition) and obj.experience_id is not None:
            ids.add(obj.experience_id)
    return ids


def log_flushed_changes(session: Session, _context) -> None:
    """after_flush: log the experiences this flush changed."""
    record_changes(session, EXPERIENCE, _changed_experience_ids(session))


def take_logged(session: Session) -> bool:
    """Whether the transaction that just ended logged changes; clears that for the next one."""
    return session.info.pop(LOGGED_KEY, False)
