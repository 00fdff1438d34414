"""The wheel runs on its own: built from the files in git, installed into a fresh virtual
environment and served from there, away from the checkout. No network: the dependencies come
from the environment running the tests (a .pth file), the wheel is built without isolation."""
from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from .servers import free_port

ROOT = Path(__file__).resolve().parent.parent
SHARED = sysconfig.get_paths()["purelib"]  # where this environment keeps the dependencies


def run(*command, **kwargs) -> str:
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, **kwargs)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def tracked() -> list[str]:
    return run("git", "-C", str(ROOT), "ls-files").splitlines()


def needed_at_run_time() -> set[str]:
    """Every file of the package in git, the templates inside it, each catalogue compiled."""
    names = tracked()
    return ({name for name in names if name.startswith("rugzak/") and name != "rugzak/templates"}
            | {f"rugzak/{name}" for name in names if name.startswith("templates/")}
            | {name[:-3] + ".mo" for name in names
               if name.startswith("rugzak/translations/") and name.endswith(".po")})


def build_wheel(folder: Path) -> Path:
    """A wheel of the files git tracks (so nothing built in the checkout can slip in), with the
    catalogues compiled first, as `make wheel` does."""
    source = folder / "source"
    for name in tracked():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        if (ROOT / name).is_symlink():  # rugzak/templates → ../templates
            (source / name).symlink_to(os.readlink(ROOT / name))
        else:
            (source / name).write_bytes((ROOT / name).read_bytes())
    run(sys.executable, "-m", "babel.messages.frontend", "compile", "-d",
        str(source / "rugzak" / "translations"))
    output = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                 "--no-index", "-w", str(folder / "dist"), str(source))
    assert "would be ignored" not in output and "warning" not in output.lower(), output
    return next((folder / "dist").glob("rugzak-*.whl"))


def fresh_venv(folder: Path) -> Path:
    """A venv without pip whose own site-packages comes first; the dependencies after it."""
    venv = folder / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", str(venv))
    python = venv / "bin" / "python"
    own = run(str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
    Path(own.strip(), "dependencies.pth").write_text(SHARED + "\n")
    return python


def get(url: str, language: str = "nl") -> str:
    request = urllib.request.Request(url, headers={"Accept-Language": language})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200, url
        return response.read().decode()


@pytest.mark.slow
def test_the_wheel_installs_and_serves_outside_the_checkout(tmp_path):
    wheel = build_wheel(tmp_path)
    assert needed_at_run_time() - set(zipfile.ZipFile(wheel).namelist()) == set()
    python = fresh_venv(tmp_path)
    installed = run(str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
    run(sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target",
        installed.strip(), str(wheel))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path),
           "RUGZAK_INSTANCE_PATH": str(tmp_path / "instance")}
    where = run(str(python), "-c", "import rugzak; print(rugzak.__file__)", cwd=elsewhere, env=env)
    assert where.startswith(installed.strip()), where
    run(str(python), "-m", "rugzak", "init", cwd=elsewhere, env=env)
    assert "demo" in run(str(python), "-m", "rugzak", "demo", cwd=elsewhere, env=env).lower()
    port = free_port()
    server = subprocess.Popen([str(python), "-m", "gunicorn", "--workers", "1", "--bind",
                               f"127.0.0.1:{port}", "rugzak:create_app()"], cwd=elsewhere, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        page = wait_for(f"{url}/inloggen")
        assert "Inloggen" in page and "/static/rugzak.css" in page
        assert "Sign in" in get(f"{url}/inloggen", language="en")
        assert "--color-primary" in get(f"{url}/static/rugzak.css")
    finally:
        server.terminate()
        server.wait(timeout=20)


def wait_for(url: str) -> str:
    deadline = time.monotonic() + 30
    while True:
        try:
            return get(url)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
