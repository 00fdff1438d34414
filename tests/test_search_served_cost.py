"""Issue 15, served cost: a search writes nothing to the database; the search log is written
in batches by a background thread; request rates are counted in the worker's memory."""
from __future__ import annotations

import time

import pytest
from sqlalchemy import event, select

from rugzak.auth.models import ApiToken, User
from rugzak.extensions import db
from rugzak.search.log import EXTENSION as LOG_EXTENSION
from rugzak.search.log import SearchLog
from rugzak.security.throttle import RateCounter

from .servers import Server

WRITES = ("INSERT", "UPDATE", "DELETE")


@pytest.fixture
def settings() -> dict:
    return {"SEARCH_LOG_FLUSH_SECONDS": 60}  # the production way: in batches, not at once


@pytest.fixture
def searcher(client, make_user, make_experience):
    make_experience(make_user(), title="Overleg in de wijk", situation="Overleg met de buurt.")
    client.login(make_user().email)
    client.get("/zoeken")  # the index is built and current before anything is measured
    return client


def logged(app) -> list[tuple[str, int]]:
    with app.app_context():
        return sorted((row.query, row.hits) for row in db.session.scalars(select(SearchLog)))


def test_a_search_writes_nothing_to_the_database(app, searcher):
    with app.app_context():
        engine = db.engine
    written = []

    def remember(_conn, _cursor, statement, *_args):
        if statement.lstrip().upper().startswith(WRITES):
            written.append(statement)

    event.listen(engine, "before_cursor_execute", remember)
    try:
        for url in ("/zoeken?q=overleg", "/zoeken?q=overleh", "/api/v1/search?q=wijk"):
            assert searcher.get(url).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", remember)
    assert written == []


def test_the_search_log_is_written_at_the_flush(app, searcher):
    searcher.get("/zoeken?q=overleg")
    searcher.get("/api/v1/search?q=onvindbaar")
    assert logged(app) == []
    assert app.extensions[LOG_EXTENSION].flush() == 2
    assert logged(app) == [("onvindbaar", 0), ("overleg", 1)]


def test_the_background_thread_writes_the_search_log(app, searcher):
    app.extensions[LOG_EXTENSION].seconds = 0.1
    searcher.get("/zoeken?q=overleg")
    deadline = time.monotonic() + 5
    while not logged(app) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert logged(app) == [("overleg", 1)]


def test_stopping_writes_what_waits(app, searcher):
    searcher.get("/zoeken?q=overleg")
    app.extensions["rugzak.search"].stop()  # as when a worker shuts down
    assert logged(app) == [("overleg", 1)]


def test_the_rate_limit_refuses_over_budget_within_one_worker(app, searcher):
    app.config["RATE_LIMIT_PER_MINUTE"] = 3
    statuses = [searcher.get(url).status_code for url in
                ("/zoeken?q=overleg", "/api/v1/search?q=wijk", "/zoeken", "/zoeken?q=buurt")]
    assert statuses[-1] == 429
    assert 200 in statuses[:3]  # the fixture's first search counted too
    with app.app_context():  # (the refusal's audit event counts itself there, once a minute)
        keys = db.session.scalars(select(RateCounter.key)).all()
    assert not [key for key in keys if key.startswith("rate:")]


def test_the_indexer_idles_until_the_change_log_moves(app, searcher, make_user, make_experience,
                                                       monkeypatch):
    service = app.extensions["rugzak.search"]
    with app.app_context():
        service.catch_up()
        ix = service.index()
    opened = []
    for name in ("writer", "searcher"):
        original = getattr(ix, name)
        monkeypatch.setattr(ix, name, lambda *args, _name=name, _original=original, **kwargs:
                            opened.append(_name) or _original(*args, **kwargs))
    with app.app_context():
        assert service.catch_up() == 0
    assert opened == []  # nothing changed: one query, nothing of Whoosh opened
    make_experience(make_user(), title="Nieuw overleg")  # (the indexer thread may apply it)
    with app.app_context():
        service.catch_up()
    assert "writer" in opened
    assert "Nieuw overleg" in searcher.get("/zoeken?q=nieuw").get_data(as_text=True)


def statements_during(app, get) -> list[str]:
    with app.app_context():
        engine = db.engine
    seen = []

    def remember(_conn, _cursor, statement, *_args):
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", remember)
    try:
        assert get().status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", remember)
    return seen


def test_the_result_page_reads_its_rows_and_bundles_once(app, client, make_user,
                                                         make_experience):
    author = make_user()
    for number in range(4):
        make_experience(author, title=f"Overleg {number}", situation="Overleg met de buurt.")
    client.login(make_user("kernteam").email)
    client.get("/zoeken")
    seen = statements_during(app, lambda: client.get("/zoeken?q=overleg"))
    from_experiences = [s for s in seen if " FROM experiences " in s.replace("\n", " ")]
    from_bundles = [s for s in seen if " FROM bundles" in s.replace("\n", " ")]
    assert len(from_experiences) == 1 and len(from_bundles) == 1


@pytest.mark.slow
def test_gunicorn_workers_write_their_searches_when_they_stop(app, instance, database_url,
                                                               make_user):
    with app.app_context():
        row, token = ApiToken.issue(db.session.get(User, make_user().id))
        db.session.add(row)
        db.session.commit()
    with Server(instance, database_url, workers=2,
                settings={"SEARCH_LOG_FLUSH_SECONDS": 600}) as server:
        for number in range(6):
            assert server.get(f"/api/v1/search?q=overleg{number}", token)[0] == 200
        assert logged(app) == []  # waiting in the workers' buffers
    assert len(logged(app)) == 6  # a graceful stop (SIGTERM) wrote them
