"""A throwaway PostgreSQL cluster for the test run: a temporary folder, a free port."""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def _binary(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} is missing: install Debian's postgresql package")
    return found[-1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres_user() -> list[str]:
    """The server refuses to run as root; CI runs as root, so drop to the postgres account."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


class Cluster:
    """The server on 127.0.0.1:`port`. One process starts it (`Cluster.start()`); the
    pytest-xdist workers use it as Cluster(port, user)."""

    def __init__(self, port: int, user: str, folder: Path | None = None) -> None:
        self.port = port
        self.user = user
        self.folder = folder  # only where it was started

    @classmethod
    def start(cls) -> "Cluster":
        folder = Path(tempfile.mkdtemp(prefix="rugzak-pg-"))
        user = "postgres" if os.geteuid() == 0 else os.environ.get("USER", "postgres")
        cluster = cls(_free_port(), user, folder)
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres", "postgres")
        prefix = _as_postgres_user()
        subprocess.run([*prefix, _binary("initdb"), "-D", str(folder / "data"), "-U", user,
                        "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"],
                       check=True, capture_output=True)
        options = (f"-c listen_addresses=127.0.0.1 -p {cluster.port} -k {folder} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        subprocess.run([*prefix, _binary("pg_ctl"), "-D", str(folder / "data"), "-o", options,
                        "-l", str(folder / "server.log"), "-w", "start"],
                       check=True, capture_output=True)
        cluster._wait()
        return cluster

    def _wait(self) -> None:
        for _ in range(100):
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.1)
        raise RuntimeError("PostgreSQL did not start")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def execute(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={self.user} "
                             "dbname=postgres", autocommit=True) as connection:
            connection.execute(statement)

    def stop(self) -> None:
        subprocess.run([*_as_postgres_user(), _binary("pg_ctl"), "-D", str(self.folder / "data"),
                        "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(self.folder, ignore_errors=True)
