"""Search benchmark: build time, index size, search latency, saved → findable.

    make bench                      # 10k experiences
    BENCH_SIZES="10000 100000" make bench

Generates N realistic Dutch experiences from the demo texts (rugzak/demo/content.toml,
recombined sentences) in a temporary instance under $TMPDIR, builds the index through `rugzak
search rebuild`'s code path, times a fixed set of queries with facets and snippets through the
same engine the search page uses (after the frequent words' postings are read ahead, as a
worker's indexer thread does at start-up, and one warm-up search; five rounds, the first meets
the other words cold), and times one save until it is findable. Prints a Markdown table for
the README, with the machine's load average (the machine may be shared).
tests/test_bench.py runs it small.
"""
from __future__ import annotations

import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import BENCH_SETTINGS, QUERIES, generate  # noqa: E402  (the benches' corpus)

ROUNDS = 5


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def run(count: int) -> dict:
    instance = Path(tempfile.mkdtemp(prefix="rugzak-bench-"))
    try:
        return measure(count, instance)
    finally:
        shutil.rmtree(instance, ignore_errors=True)  # at 100k the instance is gigabytes


def measure(count: int, instance: Path) -> dict:
    from rugzak import create_app
    from rugzak.admin.services import create_user
    from rugzak.auth.models import User
    from rugzak.extensions import db
    from rugzak.search.service import search_service
    from rugzak.sqlite import reading_only

    app = create_app({"INSTANCE_PATH": str(instance), **BENCH_SETTINGS})
    with app.app_context():
        app.test_cli_runner().invoke(args=["init"], catch_exceptions=False)
        author = create_user(None, "bench@gemeente.example", "Bench", "kernteam",
                             department="werk-en-inkomen").id  # never signs in: no password
        generate(db.session, count, author)
        service = search_service()
        started, cpu = time.perf_counter(), cpu_seconds()
        service.rebuild()
        build, build_cpu = time.perf_counter() - started, cpu_seconds() - cpu
        started = time.perf_counter()
        service.warm()  # what a worker's indexer thread does at start-up
        warm, rss = time.perf_counter() - started, resident_mb()
        size = folder_size(service.folder.root)
        # Searches read the way the search page (a GET request) does: without the write lock.
        with reading_only():
            user = db.session.get(User, author)
            timings = time_searches(user)
        findable = time_until_findable(user, service)
        service.stop()
    every, repeated = sum(timings, []), sum(timings[1:], [])
    return {"n": count, "build_s": build, "build_cpu_s": build_cpu, "warm_s": warm, "rss_mb": rss,
            "size_mb": size / 1e6, "memory_mb": peak_memory_mb(),
            "all": spread(every), "repeated": spread(repeated),
            "first_max_ms": max(wall for wall, _ in timings[0]), "findable_s": findable,
            "load": os.getloadavg()[0]}


def time_searches(user) -> list[list[tuple[float, float]]]:
    """(wall, CPU) milliseconds per search, one list per round; round 1 meets cold caches."""
    from rugzak.search.engine import SearchParams, search

    search(user, SearchParams(q="voorbeeld"))  # this process's first search loads word lists
    timings: list[list[tuple[float, float]]] = []
    for _ in range(ROUNDS):
        timings.append([])
        for query in QUERIES:
            wall, cpu = time.perf_counter(), time.process_time()
            search(user, SearchParams(q=query, department=["werk-en-inkomen"]
                                      if query == "afspraken" else []))
            timings[-1].append(((time.perf_counter() - wall) * 1000,
                                (time.process_time() - cpu) * 1000))
    return timings


def time_until_findable(user, service) -> float:
    """Seconds from saving an experience until a search finds it."""
    from rugzak.experiences.services import ExperienceInput, create_experience
    from rugzak.search.engine import SearchParams, search
    from rugzak.sqlite import reading_only

    started = time.perf_counter()
    create_experience(user, ExperienceInput(
        title="Benchmarkzoekwoord", situation="Net bewaard.", lesson="Meteen vindbaar.",
        status="gepubliceerd"))
    service.ensure_indexer()
    with reading_only():
        while not search(user, SearchParams(q="benchmarkzoekwoord")).total:
            time.sleep(0.01)
    return time.perf_counter() - started


def spread(timings: list[tuple[float, float]]) -> str:
    """p50 and p95, wall clock and (for a shared machine) this process's CPU time."""
    walls, cpus = sorted(w for w, _ in timings), sorted(c for _, c in timings)
    return (f"{statistics.median(walls):.0f} / {percentile(walls, 0.95):.0f} ms "
            f"(CPU {statistics.median(cpus):.0f} / {percentile(cpus, 0.95):.0f} ms)")


def percentile(ordered: list[float], fraction: float) -> float:
    return ordered[int(len(ordered) * fraction) - 1]


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the rebuild's processes)."""
    return sum(getattr(resource.getrusage(who), name)
               for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
               for name in ("ru_utime", "ru_stime"))


def resident_mb() -> float:
    """This process's resident memory now (Linux)."""
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_memory_mb() -> float:
    """Peak resident memory of this process and of the largest rebuild helper (Linux: KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    helpers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, helpers) / 1024


def main() -> None:
    sizes = [int(size) for size in os.environ.get("BENCH_SIZES", "10000").split()]
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print("| experiences | index build | build CPU | warm-up | index size | memory after warm-up "
          "(peak) | search p50 / p95 | rounds 2–5 p50 / p95 | slowest first search "
          "| saved → findable | load |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for size in sizes:
        r = run(size)
        print(f"| {r['n']:,} | {r['build_s']:.1f} s | {r['build_cpu_s']:.0f} s | "
              f"{r['warm_s']:.1f} s | {r['size_mb']:.0f} MB | "
              f"{r['rss_mb']:.0f} MB ({r['memory_mb']:.0f} MB) | {r['all']} | {r['repeated']} | "
              f"{r['first_max_ms']:.0f} ms | {r['findable_s']:.2f} s | {r['load']:.1f} |")


if __name__ == "__main__":
    main()
