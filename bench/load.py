"""Load benchmark: the search page and the search API served by gunicorn, under load.

    make bench-load                       # 100k experiences
    BENCH_SIZES="10000 100000" make bench-load

Generates N experiences (bench/corpus.py) in a temporary instance, builds the index, and times
the engine against SQLite FTS5 on the same texts and queries: an FTS5 table (unicode61) in the
bench's own SQLite file, both timed interleaved query by query, round 1 on cold caches (the
first search of each word in this process), rounds 2–5 warm. FTS5 counts the matches and
ranks the first ten with a snippet; it filters nothing and counts no facets.

Then serves the instance with gunicorn as `make run` does (2 workers, access log) on loopback,
with the API rate limit lifted, and runs a bounded load: 10 and then 50 clients (threads, one
connection each, reopened whenever gunicorn closes it), each cycling over the queries, for
LOAD_SECONDS (default 30) per case, against `/zoeken?q=…` (signed in) and
`/api/v1/search?q=…` (API token). Per case: requests/s, p50/p95/p99, errors (anything but a
200), the gunicorn workers' CPU time per request (utime+stime from /proc before and after),
their resident memory after the case, and the 1-minute load average at its end. While the
10-client page load runs, an experience is saved through the API and timed until the API's
search finds it. Prints Markdown tables for the README. tests/test_bench.py runs it small.
"""
from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import BENCH_SETTINGS, QUERIES, generate  # noqa: E402  (the benches' corpus)

ROUNDS = 5
CLIENTS = (10, 50)
PASSWORD = "benchmark-wachtwoord-lang-genoeg"
EMAIL = "bench@gemeente.example"
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
CSRF = re.compile(r'name="csrf_token"[^>]* value="([^"]+)"')
TICKS = os.sysconf("SC_CLK_TCK")
FTS_OPERATORS = {"OF": "OR", "NIET": "NOT", "EN": "AND"}


def run(count: int) -> dict:
    instance = Path(tempfile.mkdtemp(prefix="rugzak-bench-load-"))
    try:
        engines, token = prepare(count, instance)
        with Served(instance) as server:
            cases, findable = load(server, token)
        return {"n": count, "engines": engines, "cases": cases, "findable_s": findable}
    finally:
        shutil.rmtree(instance, ignore_errors=True)  # at 100k the instance is gigabytes


def prepare(count: int, instance: Path) -> tuple[list[dict], str]:
    """The corpus, our index and the FTS5 table, both engines timed; returns an API token."""
    from rugzak import create_app
    from rugzak.admin.services import create_user
    from rugzak.auth.models import ApiToken
    from rugzak.extensions import db
    from rugzak.search.service import search_service
    from rugzak.sqlite import reading_only

    app = create_app({"INSTANCE_PATH": str(instance), **BENCH_SETTINGS})
    with app.app_context():
        app.test_cli_runner().invoke(args=["init"], catch_exceptions=False)
        user = create_user(None, EMAIL, "Bench", "kernteam", PASSWORD,
                           department="werk-en-inkomen")
        row, token = ApiToken.issue(user)
        db.session.add(row)
        db.session.commit()
        generate(db.session, count, user.id)
        service = search_service()
        started = time.perf_counter()
        service.rebuild()
        ours = {"engine": "Rugzak (Whoosh)", "build_s": time.perf_counter() - started,
                "size_mb": folder_size(service.folder.root) / 1e6}
        fts = build_fts(instance / "rugzak.sqlite")
        with reading_only():
            timings = time_engines(user, instance / "rugzak.sqlite")
        service.stop()
        db.session.remove()
        db.engine.dispose()
    ours.update(timings["ours"])
    fts.update(timings["fts"])
    return [ours, fts], token


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def build_fts(database: Path) -> dict:
    """An FTS5 table over the same texts (title and every text section), in the same file."""
    from rugzak.experiences.models import TEXT_SECTIONS

    body = " || ' ' || ".join(f"coalesce({name}, '')" for name in TEXT_SECTIONS)
    with sqlite3.connect(database) as connection:
        started = time.perf_counter()
        connection.execute("CREATE VIRTUAL TABLE bench_fts USING fts5(title, body, "
                           "tokenize = 'unicode61 remove_diacritics 2')")
        connection.execute(f"INSERT INTO bench_fts (rowid, title, body) "
                           f"SELECT id, title, {body} FROM experiences")
        connection.commit()
        build = time.perf_counter() - started
        size = connection.execute("SELECT sum(pgsize) FROM dbstat "
                                  "WHERE name LIKE 'bench_fts%'").fetchone()[0]
    return {"engine": "SQLite FTS5 (unicode61)", "build_s": build, "size_mb": size / 1e6}


def time_engines(user, database: Path) -> dict[str, dict]:
    """Each query through our engine and then FTS5, ROUNDS times; round 1 is cold."""
    from rugzak.search.engine import SearchParams, search

    search(user, SearchParams(q="voorbeeld"))  # this process's first search loads word lists
    connection = sqlite3.connect(database)
    walls: dict[str, list[list[float]]] = {"ours": [], "fts": []}
    found = {"ours": 0, "fts": 0}
    for round_number in range(ROUNDS):
        for name in walls:
            walls[name].append([])
        for query in QUERIES:
            for name, engine in (("ours", lambda q: search(user, SearchParams(q=q)).total),
                                 ("fts", lambda q: fts_search(connection, q))):
                started = time.perf_counter()
                total = engine(query)
                walls[name][-1].append((time.perf_counter() - started) * 1000)
                if not round_number:
                    found[name] += total
    connection.close()
    return {name: {"cold": rounds[0], "warm": sum(rounds[1:], []), "found": found[name]}
            for name, rounds in walls.items()}


def fts_search(connection: sqlite3.Connection, query: str) -> int:
    """What the search page needs of an engine: how many match, the best ten with a snippet."""
    if not query:
        connection.execute("SELECT rowid, title FROM bench_fts ORDER BY rowid DESC "
                           "LIMIT 10").fetchall()
        return connection.execute("SELECT count(*) FROM bench_fts").fetchone()[0]
    match = " ".join(FTS_OPERATORS.get(word, word) for word in query.split())
    connection.execute("SELECT rowid, title, snippet(bench_fts, 1, '<mark>', '</mark>', '…', 20) "
                       "FROM bench_fts WHERE bench_fts MATCH ? ORDER BY rank LIMIT 10",
                       (match,)).fetchall()
    return connection.execute("SELECT count(*) FROM bench_fts WHERE bench_fts MATCH ?",
                              (match,)).fetchone()[0]


class Served:
    """gunicorn as `make run` starts it, on a free loopback port, the API rate limit lifted."""

    def __init__(self, instance: Path):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.env = {**os.environ, "RUGZAK_INSTANCE_PATH": str(instance),
                    "RUGZAK_SECRET_KEY": "bench", "RUGZAK_REQUIRE_MFA": "false",
                    "RUGZAK_RATE_LIMIT_PER_MINUTE": "1000000"}
        self.command = [GUNICORN, "--workers", "2", "--bind", f"127.0.0.1:{self.port}",
                        "--access-logfile", "-",
                        "--logger-class", "rugzak.serving.AccessLogWithoutSecrets",
                        "rugzak:create_app()"]
        self.log = instance.parent / f"{instance.name}-gunicorn.log"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Served":
        self.process = subprocess.Popen(self.command, env=self.env, stdout=subprocess.DEVNULL,
                                        stderr=open(self.log, "w"))
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if Client(self.port).get("/healthz")[0] == 200:
                    return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not start: {self.log.read_text()}")

    def __exit__(self, *_exc) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.unlink(missing_ok=True)

    def workers(self) -> list[int]:
        found = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True,
                               text=True).stdout.split()
        return [int(pid) for pid in found]


class Client:
    """One keep-alive connection (gunicorn's sync workers close it after each answer; then
    http.client opens a new one), with cookies or a token sent on every request."""

    def __init__(self, port: int, headers: dict[str, str] | None = None):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.headers = dict(headers or {})

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, bytes, list[str]]:
        try:
            self.connection.request(method, path, body=body,
                                    headers={**self.headers, **(headers or {})})
            response = self.connection.getresponse()
            return response.status, response.read(), response.msg.get_all("Set-Cookie") or []
        except (OSError, http.client.HTTPException):
            self.connection.close()
            raise

    def get(self, path: str) -> tuple[int, bytes]:
        status, body, _ = self.request("GET", path)
        return status, body


def signed_in(port: int) -> dict[str, str]:
    """The session cookie of the bench's user, signed in through the sign-in form."""
    client, cookies = Client(port), {}
    _, page, set_cookies = client.request("GET", "/inloggen")
    keep_cookies(cookies, set_cookies)
    form = urlencode({"csrf_token": CSRF.search(page.decode()).group(1), "email": EMAIL,
                      "password": PASSWORD}).encode()
    status, _, set_cookies = client.request("POST", "/inloggen", form, {
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie_header(cookies)})
    assert status == 302, f"sign-in answered {status}"
    keep_cookies(cookies, set_cookies)
    return {"Cookie": cookie_header(cookies)}


def keep_cookies(cookies: dict[str, str], set_cookies: list[str]) -> None:
    for header in set_cookies:
        name, _, value = header.split(";")[0].partition("=")
        cookies[name.strip()] = value


def cookie_header(cookies: dict[str, str]) -> str:
    return "; ".join(f"{name}={value}" for name, value in cookies.items() if value)


def load(server: Served, token: str) -> tuple[list[dict], float]:
    """Every case, the page's first; saved → findable timed during the first."""
    seconds = float(os.environ.get("LOAD_SECONDS", "30"))
    api = {"Authorization": f"Bearer {token}"}
    targets = [("/zoeken", signed_in(server.port)), ("/api/v1/search", api)]
    warm_up(server.port, targets)
    cases, findable = [], []
    for path, headers in targets:
        for clients in CLIENTS:
            during = None
            if not cases:
                during = threading.Thread(
                    target=lambda: findable.append(saved_until_found(server.port, api, seconds)))
            cases.append(case(server, path, headers, clients, seconds, during))
    return cases, findable[0]


def warm_up(port: int, targets: list[tuple[str, dict]]) -> None:
    """Each query once through each door and worker, so that the cases start warm alike."""
    for path, headers in targets:
        client = Client(port, headers)
        for query in QUERIES * 2:
            client.get(f"{path}?{urlencode({'q': query})}")


def case(server: Served, path: str, headers: dict, clients: int, seconds: float,
         during: threading.Thread | None) -> dict:
    workers = server.workers()
    before = sum(cpu_seconds(pid) for pid in workers)
    latencies: list[float] = []
    errors: list[int] = []
    deadline = time.perf_counter() + seconds
    threads = [threading.Thread(target=hammer, args=(server.port, path, headers, number,
                                                     deadline, latencies, errors))
               for number in range(clients)]
    started = time.perf_counter()
    for thread in threads + ([during] if during else []):
        thread.start()
    for thread in threads + ([during] if during else []):
        thread.join()
    elapsed = time.perf_counter() - started
    done = len(latencies) + len(errors)
    cpu = sum(cpu_seconds(pid) for pid in workers) - before
    ordered = sorted(latencies)
    return {"path": path, "clients": clients, "rps": done / elapsed,
            "p50": percentile(ordered, 0.50), "p95": percentile(ordered, 0.95),
            "p99": percentile(ordered, 0.99), "errors": len(errors),
            "cpu_ms": cpu * 1000 / max(done, 1),
            "rss_mb": [rss_mb(pid) for pid in workers], "load": os.getloadavg()[0]}


def hammer(port: int, path: str, headers: dict, number: int, deadline: float,
           latencies: list[float], errors: list[int]) -> None:
    """One client: the queries in turn (each client starting elsewhere) until the deadline."""
    client = Client(port, headers)
    turn = number
    while time.perf_counter() < deadline:
        query = QUERIES[turn % len(QUERIES)]
        turn += 1
        started = time.perf_counter()
        try:
            status, _ = client.get(f"{path}?{urlencode({'q': query})}")
        except (OSError, http.client.HTTPException):
            status = 0
        (latencies.append((time.perf_counter() - started) * 1000) if status == 200
         else errors.append(status))


def saved_until_found(port: int, api: dict, seconds: float) -> float:
    """A third into the load: seconds from saving an experience through the API until the
    API's search finds it."""
    time.sleep(seconds / 3)
    client = Client(port, {**api, "Content-Type": "application/json"})
    started = time.perf_counter()
    status, body, _ = client.request("POST", "/api/v1/experiences", json.dumps({
        "title": "Benchmarkzoekwoord onder last", "situation": "Net bewaard.",
        "lesson": "Meteen vindbaar.", "status": "gepubliceerd"}).encode())
    assert status == 201, body[:300]
    while True:
        status, body = client.get("/api/v1/search?q=benchmarkzoekwoord")
        if status == 200 and json.loads(body)["total"]:
            return time.perf_counter() - started
        time.sleep(0.01)


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process (/proc/<pid>/stat fields 14 and 15)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


def percentile(ordered: list[float], fraction: float) -> float:
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def spread(walls: list[float]) -> str:
    ordered = sorted(walls)
    return f"{statistics.median(ordered):.1f} / {percentile(ordered, 0.95):.1f} ms"


def main() -> None:
    sizes = [int(size) for size in os.environ.get("BENCH_SIZES", "100000").split()]
    results = [run(size) for size in sizes]
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print()
    print("| experiences | engine | build | size | hits (10 queries) | cold p50 / max "
          "| warm p50 / p95 |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        for e in r["engines"]:
            print(f"| {r['n']:,} | {e['engine']} | {e['build_s']:.1f} s | {e['size_mb']:.0f} MB "
                  f"| {e['found']:,} | {statistics.median(e['cold']):.1f} / "
                  f"{max(e['cold']):.1f} ms | {spread(e['warm'])} |")
    print()
    print("| experiences | saved → findable under load |")
    print("|---|---|")
    for r in results:
        print(f"| {r['n']:,} | {r['findable_s']:.2f} s |")
    print()
    print("| experiences | served | clients | requests/s | p50 / p95 / p99 | errors "
          "| worker CPU per request | worker RSS after | load |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in results:
        for c in r["cases"]:
            rss = " + ".join(f"{mb:.0f}" for mb in c["rss_mb"])
            print(f"| {r['n']:,} | `{c['path']}` | {c['clients']} | {c['rps']:.1f} | "
                  f"{c['p50']:.0f} / {c['p95']:.0f} / {c['p99']:.0f} ms | {c['errors']} | "
                  f"{c['cpu_ms']:.1f} ms | {rss} MB | {c['load']:.1f} |")


if __name__ == "__main__":
    main()
