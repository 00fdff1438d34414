"""Where the index lives: instance/search/<folder>, with CURRENT naming the one in use.

A rebuild writes a new folder and then swaps CURRENT atomically, so searches never see a half
built index; every process notices the swap at its next search.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

from whoosh import index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex

from .documents import build_schema

POINTER = "CURRENT"


class IndexFolder:
    def __init__(self, root: Path):
        self.root = root

    def current_name(self) -> str | None:
        try:
            return (self.root / POINTER).read_text().strip() or None
        except FileNotFoundError:
            return None

    def open(self) -> FileIndex:
        """The index in use; raises when it is missing or unreadable."""
        name = self.current_name()
        if name is None or not index.exists_in(self.root / name):
            raise FileNotFoundError(f"no search index in {self.root}")
        ix = _storage(self.root / name).open_index()
        if set(ix.schema.names()) != set(build_schema().names()):
            raise ValueError("the index was built with another schema")  # caller rebuilds
        return ix

    def create(self) -> tuple[str, FileIndex]:
        name = f"index-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns()}"
        folder = self.root / name
        folder.mkdir(parents=True)
        return name, _storage(folder).create_index(build_schema())

    def switch_to(self, name: str) -> None:
        draft = self.root / f".{POINTER}.{os.getpid()}"
        draft.write_text(name)
        os.replace(draft, self.root / POINTER)
        self._remove_others(keep=name)

    def _remove_others(self, keep: str) -> None:
        for folder in self.root.glob("index-*"):
            if folder.name != keep:
                shutil.rmtree(folder, ignore_errors=True)

    @contextmanager
    def rebuild_lock(self):
        """One rebuild at a time across processes (an flock, released when a process dies)."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / "rebuild.lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def _storage(folder: Path) -> FileStorage:
    """Without mmap: whoosh-reloaded copies a whole memory-mapped segment file (hundreds of MB
    at 100k experiences) into a BytesIO each time a reader opens it; plain reads are lazy."""
    return FileStorage(str(folder), supports_mmap=False)
