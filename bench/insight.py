"""Shared pages benchmark: /inzicht, its API and the reflection report (HTML and PDF).

    make bench-insight                     # 100k experiences
    BENCH_SIZES="10000 100000" make bench-insight

Generates N published experiences in a temporary instance, dated over the last six years, each
with a department, two conditions (hielp/ontbrak), a goal and two tags, plus one planted
experience dated in the year 1 (what an old import could hold). Then times each shared page
through the app's own HTTP interface (Flask's test client, signed in as a kernteam member):
three rounds after one warm-up, median wall and CPU time of this process, and the answer's size.
The figures show whether each page renders well within gunicorn's 30-second worker timeout.
Prints a Markdown table for the README with the machine's load average (the machine may be
shared). tests/test_bench.py runs it small.
"""
from __future__ import annotations

import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from datetime import time as day_time
from pathlib import Path

from sqlalchemy import insert, select, update

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import BENCH_SETTINGS, experience_row, vocabulary  # noqa: E402

ROUNDS = 3
PASSWORD = "benchmark-wachtwoord-lang-genoeg"
YEARS = 6
PAGES = [
    ("/inzicht (3 jaar)", "/inzicht"),
    ("/inzicht (10 jaar)", "/inzicht?start={ten_years_ago}"),
    ("/api/v1/insight (10 jaar)", "/api/v1/insight?start={ten_years_ago}"),
    ("verslag periode (HTML)", "/verslag/periode?start={ten_years_ago}"),
    ("verslag periode (PDF)", "/verslag/periode.pdf?start={ten_years_ago}"),
]


def generate(session, count: int, author_id: int) -> int:
    """`count` published experiences and one dated in the year 1; returns the latter's id."""
    from rugzak.experiences.models import (
        Experience,
        ExperienceCondition,
        experience_departments,
        experience_goals,
        experience_tags,
    )
    from rugzak.taxonomy.models import Condition, Department, Goal, Tag

    rng = random.Random(14)
    words = vocabulary()
    departments = session.scalars(select(Department.id)).all()
    conditions = session.scalars(select(Condition.id)).all()
    goals = session.scalars(select(Goal.id)).all()
    tags = session.scalars(insert(Tag).returning(Tag.id),
                           [{"name": f"thema-{number}"} for number in range(60)]).all()
    today = date.today()
    for start in range(0, count + 1, 2000):
        rows = []
        for number in range(start, min(count + 1, start + 2000)):
            day = today - timedelta(days=rng.randrange(365 * YEARS))
            moment = datetime.combine(day, day_time(10), tzinfo=timezone.utc)
            row = experience_row(rng, words, number, author_id)
            row.update(occurred_on=day, published_at=moment, created_at=moment,
                       updated_at=moment)
            rows.append(row)
        ids = session.scalars(insert(Experience).returning(Experience.id), rows).all()
        session.execute(insert(experience_departments), [
            {"experience_id": i, "department_id": rng.choice(departments)} for i in ids])
        session.execute(insert(experience_goals), [
            {"experience_id": i, "goal_id": rng.choice(goals)} for i in ids])
        session.execute(insert(experience_tags), [
            {"experience_id": i, "tag_id": tag} for i in ids for tag in rng.sample(tags, 2)])
        session.execute(insert(ExperienceCondition.__table__), [
            {"experience_id": i, "condition_id": condition, "effect": rng.choice(words["effect"])}
            for i in ids for condition in rng.sample(conditions, 2)])
        session.commit()
    outlier = ids[-1]
    session.execute(update(Experience).where(Experience.id == outlier)
                    .values(occurred_on=date(1, 1, 1)))
    session.commit()
    return outlier


def run(count: int) -> dict:
    instance = Path(tempfile.mkdtemp(prefix="rugzak-bench-insight-"))
    try:
        return measure(count, instance)
    finally:
        shutil.rmtree(instance, ignore_errors=True)


def measure(count: int, instance: Path) -> dict:
    from rugzak import create_app
    from rugzak.admin.services import create_user
    from rugzak.extensions import db
    from rugzak.insight.selection import MAX_YEARS, years_before

    app = create_app({"INSTANCE_PATH": str(instance), **BENCH_SETTINGS,  # no two-step
                      "WTF_CSRF_ENABLED": False,
                      "REPORTS_PER_MINUTE": 1000})  # timed, not budgeted
    with app.app_context():
        app.test_cli_runner().invoke(args=["init"], catch_exceptions=False)
        viewer = create_user(None, "kernteam@gemeente.example", "Kernteam", "kernteam",
                             PASSWORD, department="werk-en-inkomen")
        generate(db.session, count, viewer.id)
        email = viewer.email
        db.session.remove()
    client = app.test_client()
    response = client.post("/inloggen", data={"email": email, "password": PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    token = api_token(app, email)
    ten_years_ago = (years_before(date.today(), MAX_YEARS) + timedelta(days=1)).isoformat()
    results = {}
    for name, url in PAGES:
        results[name] = time_page(client, url.format(ten_years_ago=ten_years_ago), token)
    app.extensions["rugzak.search"].stop()
    return {"n": count, "pages": results, "load": os.getloadavg()[0]}


def api_token(app, email: str) -> dict:
    from rugzak.auth.models import ApiToken, User
    from rugzak.extensions import db

    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        row, token = ApiToken.issue(user)
        db.session.add(row)
        db.session.commit()
    return {"Authorization": f"Bearer {token}"}


def time_page(client, url: str, token: dict) -> tuple[float, float, int]:
    """Median wall and CPU seconds over ROUNDS (after one warm-up), and the answer's size."""
    headers = token if url.startswith("/api/") else {}
    walls, cpus = [], []
    for round_number in range(ROUNDS + 1):
        wall, cpu = time.perf_counter(), time.process_time()
        response = client.get(url, headers=headers)
        assert response.status_code == 200, (url, response.status_code)
        size = len(response.data)
        if round_number:
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), size


def main() -> None:
    sizes = [int(size) for size in os.environ.get("BENCH_SIZES", "100000").split()]
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print("| experiences | page | wall (median) | CPU (median) | size | load |")
    print("|---|---|---|---|---|---|")
    for size in sizes:
        r = run(size)
        for name, (wall, cpu, length) in r["pages"].items():
            print(f"| {r['n']:,} | {name} | {wall:.2f} s | {cpu:.2f} s | "
                  f"{length / 1000:.0f} kB | {r['load']:.1f} |")


if __name__ == "__main__":
    main()
