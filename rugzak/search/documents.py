"""What the index holds for one experience: text to search, facets, and visibility fields."""
from __future__ import annotations

from datetime import datetime, time

from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema

from ..experiences.models import Experience
from ..markdown import plain_text
from ..open.policies import is_shown
from ..peers.models import ExternalExperience
from ..timeutil import naive_utc
from .analysis import dutch_analyzer, index_positions, plain_word_counts, plain_words_analyzer

META_ID = "__meta__"
BODY_SECTIONS = ("situation", "task", "approach", "result", "tip")
FACETS = ("department", "partner", "goal", "condition", "condition_effect", "kind", "year",
          "highlighted", "origin")
# The facet "Bron": the own municipality, or the peer a copy came from (see external_document)
OWN = "eigen"
EXTERNAL_STATUS = "extern"  # a copy: never matches an own visibility filter (status)


def build_schema() -> Schema:
    dutch, words = dutch_analyzer(), plain_words_analyzer()
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
        meta_seq=NUMERIC(stored=True, bits=64), origin=ID(stored=True),
    )


# What each text field's analyzer makes of a text, computed without Whoosh's token stream, for
# bulk writing (see whoosh_private.write_segment); the same as the schema's analyzers.
BULK_ANALYSIS = {"title": index_positions, "lesson": index_positions, "body": index_positions,
                 "tags": index_positions, "spelling": plain_word_counts}


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
        "origin": OWN,
    }


def external_key(external_id: int) -> str:
    """The index id of a copy: apart from the own experiences' ids."""
    return f"extern-{external_id}"


def peer_origin(peer_id: int) -> str:
    return f"peer-{peer_id}"


def hit_id(key: str) -> int:
    """The database id behind an index id (of an experience or of a copy)."""
    return int(key.rpartition("-")[2])


def external_document(external: ExternalExperience) -> dict:
    """A copy of another municipality's open experience: found by everyone who signs in, with
    the same Dutch analysis; its departments, goals and conditions are the peer's own names,
    so only the facets kind, year and Bron apply to it."""
    title, lesson = external.title, plain_text(external.lesson)
    body = "\n".join(plain_text(getattr(external, name)) for name in BODY_SECTIONS)
    tags = ", ".join(external.facts.get("tags", []))
    month = datetime.strptime(external.occurred_in, "%Y-%m") if external.occurred_in else None
    return {
        "id": external_key(external.id), "title": title, "lesson": lesson, "body": body,
        "tags": tags, "spelling": "\n".join((title, lesson, body, tags)),
        "kind": external.kind, "year": str(month.year) if month else "",
        "recognitions": 0, "status": EXTERNAL_STATUS, "hidden": "nee", "open": "nee",
        "occurred": month, "published": naive_utc(external.updated_at),
        "origin": peer_origin(external.peer_id),
    }


def _keywords(values) -> str:
    return ",".join(values)
