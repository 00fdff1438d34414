"""A worker loads only what every request may need: the heavy libraries that few requests use
are imported on first use (the worker memory figures in the README depend on it)."""
from __future__ import annotations

import subprocess
import sys

IMPORTED_ON_FIRST_USE = ("weasyprint", "authlib", "requests", "feedgen", "lxml")
PROBE = """
import sys
from rugzak import create_app
create_app({"INSTANCE_PATH": sys.argv[1], "SECRET_KEY": "probe", "REQUIRE_MFA": False})
print(" ".join(sorted({name.partition(".")[0] for name in sys.modules})))
"""


def test_a_worker_without_single_sign_on_loads_no_pdf_feed_or_oidc_library(tmp_path):
    loaded = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path)], check=True,
                            capture_output=True, text=True).stdout.split()
    assert "flask" in loaded
    assert [name for name in IMPORTED_ON_FIRST_USE if name in loaded] == []
