"""Durability with real processes: several gunicorn workers, killed workers, several servers."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from rugzak.auth.models import ApiToken, User
from rugzak.experiences.models import Experience
from rugzak.extensions import db
from rugzak.revisions.models import ExperienceRevision
from rugzak.taxonomy.models import Tag

from .servers import Server

pytestmark = pytest.mark.slow


@pytest.fixture
def tokens(app, make_user):
    def issue(count: int) -> list[str]:
        issued = []
        users = [make_user() for _ in range(count)]
        with app.app_context():
            for ref in users:
                row, token = ApiToken.issue(db.session.get(User, ref.id))
                db.session.add(row)
                issued.append(token)
            db.session.commit()
        return issued

    return issue


def new_experience(writer: int, number: int) -> dict:
    return {"title": f"Schrijver {writer} nummer {number}", "situation": "Tegelijk bewaard.",
            "lesson": "Niets gaat verloren.", "status": "gepubliceerd",
            "tags": [f"gedeeld nieuw {number}", f"eigen {writer}-{number}"]}


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def test_concurrent_saves_through_several_workers_never_fail(app, instance, database_url,
                                                             tokens):
    """Four writers and a searcher (each search writes the search log), three workers; the
    same new tags arrive at the same moment."""
    writers, saves = 4, 12
    keys = tokens(writers + 1)
    with Server(instance, database_url, workers=3) as server:
        def write(writer: int) -> list[int]:
            return [server.call("POST", "/api/v1/experiences", new_experience(writer, n),
                                keys[writer])[0] for n in range(saves)]

        def search() -> list[int]:
            return [server.get(f"/api/v1/search?q=bewaard+{n}", keys[-1])[0]
                    for n in range(saves)]

        with ThreadPoolExecutor(writers + 1) as pool:
            searches = pool.submit(search)
            statuses = [status for result in pool.map(write, range(writers)) for status in result]
            searched = searches.result()
        errors = server.errors()
    assert statuses == [201] * writers * saves, errors
    assert searched == [200] * saves, errors
    assert "database is locked" not in errors and "IntegrityError" not in errors
    assert count(app, Experience) == writers * saves
    assert count(app, ExperienceRevision) == writers * saves
    with app.app_context():
        shared = db.session.scalar(select(func.count()).select_from(Tag)
                                   .where(Tag.name.like("gedeeld nieuw %")))
    assert shared == saves
