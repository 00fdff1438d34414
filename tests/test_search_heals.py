"""Issue 20, finding 1: search heals itself from damage to its folder while it is served.

A real gunicorn (two workers) is searched while a piece of instance/search disappears or is
damaged; every search must answer with the right hits (after at most a short rebuild), never
a 500, and `rugzak search rebuild` in another process takes effect in the running workers.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

from .conftest import FAST_ARGON2
from .servers import Server

pytestmark = pytest.mark.slow
TITLES = {"Wijkteam en school aan tafel", "Wijkteam belt de huisarts"}


@pytest.fixture
def served(app, instance, database_url, api_user, make_experience):
    user, headers = api_user()
    for title in TITLES:
        make_experience(user, title=title)
    with Server(instance, database_url, workers=2) as server:
        server.token = headers["Authorization"].removeprefix("Bearer ")
        assert found_titles(server) == TITLES
        yield server


def found_titles(server) -> set[str]:
    status, body = server.get("/api/v1/search?q=wijkteam", token=server.token)
    assert status == 200, (status, body, server.errors()[-3000:])
    return {hit["title"] for hit in body["results"]}


def assert_every_worker_finds_them(server) -> None:
    """Enough searches that each worker answers several (gunicorn hands them out freely)."""
    for _ in range(8):
        assert found_titles(server) == TITLES


def current_generation(instance):
    return instance / "search" / (instance / "search" / "CURRENT").read_text().strip()


def test_a_vanished_generation_folder_is_rebuilt(served, instance):
    shutil.rmtree(current_generation(instance))
    assert_every_worker_finds_them(served)


def test_a_truncated_segment_file_is_rebuilt(served, instance):
    for segment in current_generation(instance).glob("*.seg"):
        with open(segment, "r+b") as handle:
            handle.truncate(os.path.getsize(segment) // 3)
    assert_every_worker_finds_them(served)


def test_a_missing_current_pointer_is_rebuilt(served, instance):
    (instance / "search" / "CURRENT").unlink()
    assert_every_worker_finds_them(served)


def test_a_stale_current_pointer_is_rebuilt(served, instance):
    (instance / "search" / "CURRENT").write_text("index-that-is-gone")
    assert_every_worker_finds_them(served)


def test_a_rebuild_in_another_process_reaches_the_running_workers(served, instance,
                                                                  database_url):
    """The review's order: the generation vanishes, searches fail, the operator rebuilds."""
    shutil.rmtree(current_generation(instance))
    for _ in range(4):
        served.get("/api/v1/search?q=wijkteam", token=served.token)  # whatever they answer
    before = current_generation(instance)
    env = {**os.environ, "RUGZAK_INSTANCE_PATH": str(instance), "RUGZAK_SECRET_KEY": "test",
           **{f"RUGZAK_{name}": str(value) for name, value in FAST_ARGON2.items()},
           **({"RUGZAK_DATABASE_URL": database_url} if database_url else {})}
    done = subprocess.run([sys.executable, "-m", "rugzak", "search", "rebuild"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert current_generation(instance) != before and not before.exists()
    started = time.monotonic()
    assert_every_worker_finds_them(served)
    assert time.monotonic() - started < 20
