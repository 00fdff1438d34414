"""A real instance served by gunicorn, and Debian's Chromium driven through Playwright.

One server per test session (prepared through the `rugzak` command, like an administrator
would); every test gets a fresh browser context, so cookies never leak between tests. Tests
share the database, so they make their own experiences with unique titles.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from ..conftest import FAST_ARGON2, PASSWORD, worker_database
from ..servers import assert_no_secrets_in

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
WIDE = {"width": 1440, "height": 900}
SERVER_DATABASE = worker_database("rugzak_browser")
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Account:
    email: str
    name: str
    role: str
    place: tuple[str, str]  # ("department", slug) or ("partner", slug)


ACCOUNTS = {
    "medewerker": Account("medewerker@browser.example", "Mila Medewerker", "medewerker",
                          ("department", "werk-en-inkomen")),
    "collega": Account("collega@browser.example", "Cas Collega", "medewerker",
                       ("department", "jeugd-en-onderwijs")),
    "kernteam": Account("kernteam@browser.example", "Kees Kernteam", "kernteam",
                        ("department", "zorg-en-welzijn-wmo")),
    "partner": Account("partner@browser.example", "Pim Partner", "partner",
                       ("partner", "uwv")),
    "beheerder": Account("beheerder@browser.example", "Bea Beheerder", "beheerder",
                         ("department", "werk-en-inkomen")),
    # switches to English; the others keep Dutch (the tests share one database)
    "international": Account("alex@browser.example", "Alex Morgan", "medewerker",
                             ("department", "zorg-en-welzijn-wmo")),
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_environment(instance: Path, postgres, url: str) -> dict[str, str]:
    env = {**os.environ, "RUGZAK_INSTANCE_PATH": str(instance),
           "RUGZAK_SECRET_KEY": "browser-tests", "RUGZAK_BASE_URL": url}
    env.update({f"RUGZAK_{name}": str(value) for name, value in FAST_ARGON2.items()})
    # A journey searches right after a save; on a busy machine indexing can take longer than
    # the 2 seconds a search waits for it. The journeys check what is found, not how soon.
    env["RUGZAK_SEARCH_WAIT_SECONDS"] = "15"
    # The journeys sign in as kernteam and beheerder with a password only; test_two_step.py
    # gives its own account two-step verification.
    env["RUGZAK_REQUIRE_MFA"] = "false"
    if postgres:
        env["RUGZAK_DATABASE_URL"] = postgres.url(SERVER_DATABASE)
    return env


def _rugzak(env: dict, *args: str) -> str:
    done = subprocess.run([str(BIN / "rugzak"), *args], env=env, text=True,
                          capture_output=True, timeout=300)
    assert done.returncode == 0, f"rugzak {' '.join(args)} failed:\n{done.stdout}{done.stderr}"
    return done.stdout


def _prepare_instance(env: dict) -> None:
    """What an administrator does: init and demo content with the command, then accounts."""
    _rugzak(env, "init")
    _rugzak(env, "demo")
    _create_accounts(env)


def _create_accounts(env: dict) -> None:
    """Through the service the `rugzak users create` command calls (one process, not five)."""
    from rugzak.admin.services import create_user

    with served_database(env):
        for account in ACCOUNTS.values():
            create_user(None, account.email, account.name, account.role, PASSWORD,
                        **dict([account.place]))


@contextmanager
def served_database(env: dict):
    """An app context on the served instance's database, for what no page can do (planting
    rows an older version could have saved) and for preparing the instance."""
    from rugzak import create_app
    from rugzak.extensions import db

    config = {"INSTANCE_PATH": env["RUGZAK_INSTANCE_PATH"], "SECRET_KEY": "browser-tests",
              **FAST_ARGON2}
    if "RUGZAK_DATABASE_URL" in env:
        config["SQLALCHEMY_DATABASE_URI"] = env["RUGZAK_DATABASE_URL"]
    app = create_app(config)
    try:
        with app.app_context():
            yield
            db.session.remove()
            db.engine.dispose()
    finally:
        app.extensions["rugzak.search"].stop()


def _wait_until_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer /healthz:\n{log.read_text()}")


@pytest.fixture(scope="session")
def server_env(tmp_path_factory, postgres) -> dict[str, str]:
    """The environment of the served instance, prepared by the `rugzak` command."""
    instance = tmp_path_factory.mktemp("browser-instance")
    if postgres:
        postgres.execute(f"CREATE DATABASE {SERVER_DATABASE}")
    url = f"http://127.0.0.1:{_free_port()}"
    env = _server_environment(instance, postgres, url)
    _prepare_instance(env)
    return env


@pytest.fixture(scope="session")
def server(server_env) -> str:
    """The base URL of a prepared instance served by gunicorn with two workers."""
    env, url = server_env, server_env["RUGZAK_BASE_URL"]
    instance = Path(env["RUGZAK_INSTANCE_PATH"])
    port = url.rsplit(":", 1)[1]
    log = instance / "gunicorn.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{port}",
             "--access-logfile", "-", "--logger-class", "rugzak.serving.AccessLogWithoutSecrets",
             "rugzak:create_app()"],
            env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        _wait_until_healthy(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    assert_no_secrets_in(log.read_text())  # after every journey of the session


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make system-test-deps` installs Debian's chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def new_context(browser, server: str, locale: str = "nl-NL", viewport: dict | None = None):
    """A fresh browser context (its own cookies) whose Accept-Language follows `locale`."""
    context = browser.new_context(base_url=server, locale=locale, viewport=viewport or WIDE)
    context.set_default_timeout(15_000)
    return context


def sign_in_on(page, role: str) -> None:
    page.goto("/inloggen")
    page.get_by_label("E-mailadres").fill(ACCOUNTS[role].email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/")


@pytest.fixture
def new_page(browser, server):
    """Open pages in fresh browser contexts; all are closed after the test."""
    contexts = []

    def open_page(**options):
        context = new_context(browser, server, **options)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def sign_in(new_page):
    """A page signed in through the sign-in form as one of ACCOUNTS: sign_in("partner")."""

    def signed_in(role: str = "medewerker", **options):
        page = new_page(**options)
        sign_in_on(page, role)
        return page

    return signed_in
