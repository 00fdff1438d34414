"""The search log: what was searched and how much it found, never who searched."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db

QUERY_MAX = 500


class SearchLog(db.Model):
    __tablename__ = "search_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    query: Mapped[str] = mapped_column(String(QUERY_MAX))
    hits: Mapped[int] = mapped_column(Integer)
    searched_on: Mapped[date] = mapped_column(Date, default=date.today, index=True)


def log_search(text: str, hits: int) -> None:
    text = " ".join(text.split())[:QUERY_MAX]
    if text:
        db.session.add(SearchLog(query=text, hits=hits))
        db.session.commit()
