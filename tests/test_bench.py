"""The search benchmark keeps working: a small run, started the way `make bench` starts it."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_small(tmp_path, script: str) -> subprocess.CompletedProcess:
    # PYTHONPATH: this checkout's rugzak, also where another one is installed
    env = {**os.environ, "BENCH_SIZES": "200", "TMPDIR": str(tmp_path),
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
