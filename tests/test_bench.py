"""The search benchmark keeps working: a small run, started the way `make bench` starts it."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_small(tmp_path, script: str, **settings: str) -> subprocess.CompletedProcess:
    # PYTHONPATH: this checkout's rugzak, also where another one is installed
    env = {**os.environ, "BENCH_SIZES": "200", "TMPDIR": str(tmp_path), **settings,
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    run = subprocess.run([sys.executable, str(ROOT / "bench" / script)], cwd=tmp_path,
                         env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return run


@pytest.mark.slow
def test_a_small_benchmark_run_prints_its_figures(tmp_path):
    run = run_small(tmp_path, "search.py")
    header, _, row = run.stdout.splitlines()[-3:]
    assert header.startswith("| experiences | index build |"), run.stdout
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert len(cells) == header.count("|") - 1 and cells[0] == "200", row
    assert all(any(c.isdigit() for c in cell) for cell in cells), row
    assert not list(tmp_path.iterdir())  # the temporary instance is cleaned up


@pytest.mark.slow
def test_a_small_shared_pages_benchmark_times_every_page(tmp_path):
    run = run_small(tmp_path, "insight.py")
    lines = run.stdout.splitlines()
    assert lines[1].startswith("| experiences | page | wall"), run.stdout
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[3:]]
    assert [row[1] for row in rows] == ["/inzicht (3 jaar)", "/inzicht (10 jaar)",
                                        "/api/v1/insight (10 jaar)", "verslag periode (HTML)",
                                        "verslag periode (PDF)"], run.stdout
    assert all(row[0] == "200" and row[2].endswith(" s") for row in rows), run.stdout
    assert not list(tmp_path.iterdir())  # the temporary instance is cleaned up


def markdown_tables(output: str) -> list[list[dict[str, str]]]:
    """Each table in the output as rows of {header: cell}."""
    tables = []
    for block in output.split("\n\n"):
        lines = [line for line in block.splitlines() if line.startswith("|")]
        if lines:
            header = [cell.strip() for cell in lines[0].strip("|").split("|")]
            tables.append([dict(zip(header, (cell.strip() for cell in line.strip("|").split("|")),
                                    strict=True)) for line in lines[2:]])
    return tables


@pytest.mark.slow
def test_a_small_load_benchmark_prints_every_figure(tmp_path):
    run = run_small(tmp_path, "load.py", LOAD_SECONDS="2")
    engines, findable, served = markdown_tables(run.stdout)
    assert [row["engine"] for row in engines] == ["Rugzak (Whoosh)", "SQLite FTS5 (unicode61)"]
    assert [(row["served"], row["clients"]) for row in served] == [
        ("`/zoeken`", "10"), ("`/zoeken`", "50"), ("`/api/v1/search`", "10"),
        ("`/api/v1/search`", "50")], run.stdout
    assert len(findable) == 1 and findable[0]["saved → findable under load"].endswith(" s")
    assert all(row["errors"] == "0" for row in served), run.stdout
    rows = engines + findable + served
    assert all(row["experiences"] == "200" for row in rows), run.stdout
    figures = [cell for row in rows for name, cell in row.items()
               if name not in ("engine", "served")]
    assert all(any(c.isdigit() for c in cell) and "nan" not in cell for cell in figures), run.stdout
    assert not list(tmp_path.iterdir())  # the temporary instance and its server log are gone
