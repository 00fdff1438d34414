"""What the index holds for one experience: text to search, facets, and visibility fields."""
from __future__ import annotations

from datetime import datetime, time

from whoosh.analysis import LowercaseFilter, RegexTokenizer
from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema

from ..experiences.models import Experience
from ..markdown import plain_text
from ..open.policies import is_shown
from ..timeutil import naive_utc
from .analysis import WORD_PATTERN, FoldFilter, dutch_analyzer

META_ID = "__meta__"
BODY_SECTIONS = ("situation", "task", "approach", "result", "tip")
FACETS = ("department", "partner", "goal", "condition", "condition_effect", "kind", "year",
          "highlighted")


def build_schema() -> Schema:
    dutch = dutch_analyzer()
    words = RegexTokenizer(WORD_PATTERN) | LowercaseFilter() | FoldFilter()
    return Schema(
        id=ID(stored=True, unique=True),
        title=TEXT(analyzer=dutch, stored=True, field_boost=3.0),
        lesson=TEXT(analyzer=dutch, stored=True, field_boost=2.0),
        body=TEXT(analyzer=dutch, stored=True),
        tags=TEXT(analyzer=dutch),
        # whole words for "bedoelde je" and typos: only its words are read, never positions
        spelling=TEXT(analyzer=words, spelling=True, phrase=False),
        department=KEYWORD(commas=True), partner=KEYWORD(commas=True),
        goal=KEYWORD(commas=True), condition=KEYWORD(commas=True),
        condition_effect=KEYWORD(commas=True), kind=ID, year=ID, highlighted=ID,
        recognitions=NUMERIC(sortable=True),
        status=ID, visibility=ID, hidden=ID, author=ID, open=ID,
        occurred=DATETIME(sortable=True), published=DATETIME(sortable=True),
        meta_seq=NUMERIC(stored=True, bits=64),
    )


def document(experience: Experience) -> dict:
    title, lesson = experience.title, plain_text(experience.lesson)
    body = "\n".join(plain_text(getattr(experience, name)) for name in BODY_SECTIONS)
    tags = ", ".join(tag.name for tag in experience.tags)
    occurred = experience.occurred_on
    return {
        "id": str(experience.id), "title": title, "lesson": lesson, "body": body,
        "tags": tags, "spelling": "\n".join((title, lesson, body, tags)),
        "department": _keywords(d.slug for d in experience.departments),
        "partner": _keywords(p.slug for p in experience.partners),
        "goal": _keywords(g.slug for g in experience.goals),
        "condition": _keywords(c.condition.slug for c in experience.conditions),
        "condition_effect": _keywords(f"{c.condition.slug}:{c.effect}"
                                      for c in experience.conditions),
        "kind": experience.kind, "year": str(occurred.year) if occurred else "",
        "highlighted": "ja" if experience.is_highlighted else "",
        "recognitions": experience.recognition_count or 0,
        "status": experience.status, "visibility": experience.visibility,
        "hidden": "ja" if experience.is_hidden else "nee", "author": str(experience.author_id),
        "open": "ja" if is_shown(experience) else "nee",
        "occurred": naive_utc(datetime.combine(occurred, time())) if occurred else None,
        "published": naive_utc(experience.published_at or experience.created_at),
    }


def _keywords(values) -> str:
    return ",".join(values)
