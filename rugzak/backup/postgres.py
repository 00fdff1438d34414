"""pg_dump and pg_restore (Debian's postgresql packages) for a PostgreSQL database."""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy.engine import URL

HEADER = b"PGDMP"


class ToolFailed(Exception):
    """pg_dump or pg_restore stopped with an error; the message says why."""


def is_dump_file(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(len(HEADER)) == HEADER


def backup(url: URL, file: Path) -> None:
    """A custom-format dump: one snapshot of the whole database, taken while others write."""
    draft = file.with_name(f".{file.name}.{os.getpid()}.tmp")
    try:
        _run("pg_dump", url, "--format=custom", "--no-owner", "--no-privileges",
             f"--file={draft}")
        os.replace(draft, file)
    finally:
        draft.unlink(missing_ok=True)


def restore(file: Path, url: URL) -> None:
    """Replace what the dump holds, in one transaction: it lands completely or not at all."""
    _run("pg_restore", url, "--clean", "--if-exists", "--no-owner", "--no-privileges",
         "--single-transaction", "--exit-on-error", str(file))


def _run(tool: str, url: URL, *args: str) -> None:
    env = {**os.environ}
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    connection = [f"--dbname={url.database}", f"--host={url.host or 'localhost'}",
                  f"--port={url.port or 5432}"]
    if url.username:
        connection.append(f"--username={url.username}")
    done = subprocess.run([_binary(tool), *connection, *args], env=env, capture_output=True,
                          text=True)
    if done.returncode != 0:
        raise ToolFailed(done.stderr.strip() or f"{tool} stopped with code {done.returncode}")


def _binary(tool: str) -> str:
    """The newest installed version: pg_dump must not be older than the server."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{tool}"),
                   key=lambda path: int(Path(path).parts[-3]))
    path = found[-1] if found else shutil.which(tool)
    if path is None:
        raise ToolFailed(f"{tool} ontbreekt: installeer Debians pakket postgresql-client.")
    return path
