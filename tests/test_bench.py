"""The search benchmark keeps working: a small run, started the way `make bench` starts it."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_a_small_benchmark_run_prints_its_figures(tmp_path):
    # PYTHONPATH: this checkout's rugzak, also where another one is installed
    env = {**os.environ, "BENCH_SIZES": "200", "TMPDIR": str(tmp_path),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "search.py")], cwd=tmp_path,
                         env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    header, _, row = run.stdout.splitlines()[-3:]
    assert header.startswith("| experiences | index build |"), run.stdout
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert len(cells) == header.count("|") - 1 and cells[0] == "200", row
    assert all(any(c.isdigit() for c in cell) for cell in cells), row
    assert not list(tmp_path.iterdir())  # the temporary instance is cleaned up
