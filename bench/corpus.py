"""The benches' shared corpus: Dutch experiences recombined from the demo texts, the queries
they time, and a temporary instance holding them.

Every experience is built from the sentences of rugzak/demo/content.toml, so common words are
in 20–90 % of all experiences: a deliberately hard corpus for a search engine.
"""
from __future__ import annotations

import random

from sqlalchemy import insert, select

# Dutch words, an inflection, compounds, a phrase, OF and NIET, a typo and the empty query
QUERIES = ["afspraken", "wijkteams samenwerking", "schuldenaanpak", '"warme overdracht"',
           "jongeren OF ouders", "privacy NIET gegevensdeling", "definieren doel", "participatie",
           "samenwerkng", ""]
BENCH_SETTINGS = {"SECRET_KEY": "bench", "ARGON2_TIME_COST": 1, "ARGON2_MEMORY_COST": 1024,
                  "ARGON2_PARALLELISM": 1, "REQUIRE_MFA": False}


def vocabulary() -> dict[str, list[str]]:
    """The demo experiences (rugzak/demo/content.toml) in pieces to recombine: titles, the
    sentences of each text section, and the kinds, visibilities and effects they use."""
    from rugzak.demo.data import demo_data
    from rugzak.experiences.models import TEXT_SECTIONS

    experiences = demo_data("content")["experiences"]
    words = {"title": [e["title"] for e in experiences],
             "kind": sorted({e["kind"] for e in experiences}),
             "visibility": sorted({e["visibility"] for e in experiences}),
             "effect": sorted({effect for e in experiences for effect in e["conditions"].values()})}
    for name in TEXT_SECTIONS:
        words[name] = [s.strip() + "." for e in experiences for s in e[name].split(".")
                       if len(s.strip()) > 20]
    return words


def experience_row(rng: random.Random, words: dict[str, list[str]], number: int,
                   author_id: int) -> dict:
    """One published experience: three sentences per text section, a title, kind, visibility."""
    from rugzak.experiences.models import TEXT_SECTIONS

    row = {name: " ".join(rng.sample(words[name], k=min(3, len(words[name]))))
           for name in TEXT_SECTIONS}
    row.update(title=f"{rng.choice(words['title'])} ({number})",
               kind=rng.choice(words["kind"]), visibility=rng.choice(words["visibility"]),
               status="gepubliceerd", anonymous=False, author_id=author_id, version=1)
    return row


def generate(session, count: int, author_id: int) -> None:
    """`count` published experiences, each with a department and a condition."""
    from rugzak.experiences.models import (
        Experience,
        ExperienceCondition,
        experience_departments,
    )
    from rugzak.taxonomy.models import Condition, Department

    rng = random.Random(42)
    words = vocabulary()
    departments = session.scalars(select(Department.id)).all()
    conditions = session.scalars(select(Condition.id)).all()
    for start in range(0, count, 2000):
        rows = [experience_row(rng, words, number, author_id)
                for number in range(start, min(count, start + 2000))]
        ids = session.scalars(insert(Experience).returning(Experience.id), rows).all()
        session.execute(insert(experience_departments), [
            {"experience_id": i, "department_id": rng.choice(departments)} for i in ids])
        session.execute(insert(ExperienceCondition.__table__), [
            {"experience_id": i, "condition_id": rng.choice(conditions),
             "effect": rng.choice(words["effect"])} for i in ids])
        session.commit()
