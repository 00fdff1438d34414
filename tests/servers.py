"""A real gunicorn server on a free port, for tests that need several worker processes."""
from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from .conftest import FAST_ARGON2, PASSWORD

GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


# What may never reach a log: the tests' password, an API token, a one-time link's token in a
# path, a TOTP secret (pyotp's 32 base32 characters, or inside an otpauth:// address), a feed or
# unsubscribe token in a path, an organisation account's one-time code
SECRETS = re.compile(re.escape(PASSWORD) + r"|Bearer |/wachtwoord-instellen/[\w-]{8,}"
                     r"|otpauth://|\b[A-Z2-7]{32}\b|/feeds/(?!\[verborgen\])[^/\s]"
                     r"|/e-mail/afmelden/(?!\[verborgen\])[^/\s]|[?&]code=(?!\[verborgen\])")


def assert_no_secrets_in(log: str) -> None:
    """Every served test's logs are read for secrets when its server stops (issue 20, #6)."""
    found = SECRETS.search(log)
    assert found is None, f"a secret in the log: {log[max(0, found.start() - 80):found.end()]}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, instance, database_url: str | None = None, workers: int = 3,
                 settings: dict | None = None):
        """`settings` become RUGZAK_* variables: {"PROXY_HOPS": 1}."""
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = Path(instance).parent / f"gunicorn-{self.port}.log"
        self.access_log = Path(instance).parent / f"gunicorn-{self.port}-access.log"
        env = {**os.environ, "RUGZAK_INSTANCE_PATH": str(instance), "RUGZAK_SECRET_KEY": "test",
               "RUGZAK_BASE_URL": self.url, "RUGZAK_REQUIRE_MFA": "false",
               "RUGZAK_SEARCH_LOG_FLUSH_SECONDS": "0",
               **{f"RUGZAK_{name}": str(value) for name, value in FAST_ARGON2.items()}}
        env.update({f"RUGZAK_{key}": value if isinstance(value, str) else json.dumps(value)
                    for key, value in (settings or {}).items()})
        if database_url:
            env["RUGZAK_DATABASE_URL"] = database_url
        self.command = [GUNICORN, "--workers", str(workers), "--bind",
                        f"127.0.0.1:{self.port}", "--graceful-timeout", "2",
                        "--access-logfile", str(self.access_log),
                        "--logger-class", "rugzak.serving.AccessLogWithoutSecrets",
                        "rugzak:create_app()"]
        self.env = env
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Server":
        self.process = subprocess.Popen(self.command, env=self.env, stdout=subprocess.DEVNULL,
                                        stderr=open(self.log, "w"))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if self.get("/healthz")[0] == 200:
                    return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not start: {self.errors()}")

    def __exit__(self, exc_type, *_exc) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if exc_type is None:
            assert_no_secrets_in(self.errors() + self.access())

    def access(self) -> str:
        return self.access_log.read_text() if self.access_log.exists() else ""

    def errors(self) -> str:
        return self.log.read_text() if self.log.exists() else ""

    def worker_pids(self) -> list[int]:
        found = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True,
                               text=True).stdout.split()
        return [int(pid) for pid in found]

    def get(self, path: str, token: str | None = None):
        return self.call("GET", path, None, token)

    def call(self, method: str, path: str, payload: dict | None, token: str | None):
        request = urllib.request.Request(
            self.url + path, method=method,
            data=json.dumps(payload).encode() if payload is not None else None,
            headers={"Content-Type": "application/json",
                     **({"Authorization": f"Bearer {token}"} if token else {})})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            body = error.read()
            try:
                return error.code, json.loads(body)
            except ValueError:
                return error.code, body.decode(errors="replace")
