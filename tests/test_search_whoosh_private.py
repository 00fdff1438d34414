"""Whoosh's private parts sit behind one module that refuses a Whoosh it was not written for."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
import whoosh
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.scoring import BM25F

from rugzak.search.whoosh_private import check_whoosh

PACKAGE = Path(__file__).resolve().parent.parent / "rugzak"
# Whoosh's internals: only the adapter may import them.
INTERNAL_MODULES = ("whoosh.codec", "whoosh.columns", "whoosh.reading", "whoosh.util")


def test_the_pinned_whoosh_passes():
    check_whoosh()


def test_another_whoosh_version_is_refused(monkeypatch):
    monkeypatch.setattr(whoosh, "__version__", (2, 7, 6))
    with pytest.raises(RuntimeError, match=r"Whoosh 2\.7\.5; found 2\.7\.6, missing nothing: "
                                           r"review rugzak/search/whoosh_private\.py"):
        check_whoosh()


def test_a_missing_private_method_is_named(monkeypatch):
    monkeypatch.delattr(W3LeafMatcher, "_next_block")
    with pytest.raises(RuntimeError, match=r"found 2\.7\.5, missing "
                                           r"whoosh\.codec\.whoosh3\.W3LeafMatcher\._next_block:"):
        check_whoosh()


def test_a_missing_instance_attribute_is_named(monkeypatch):
    set_up = BM25F.__init__

    def without_field_b(self, *args, **kwargs):
        set_up(self, *args, **kwargs)
        del self._field_B

    monkeypatch.setattr(BM25F, "__init__", without_field_b)
    with pytest.raises(RuntimeError, match=r"missing BM25F\(\)\._field_B:"):
        check_whoosh()


def test_only_the_search_package_imports_whoosh_and_only_the_adapter_its_internals():
    importers = {}
    for path in PACKAGE.rglob("*.py"):
        for module in _imported_modules(path):
            if module == "whoosh" or module.startswith("whoosh."):
                importers.setdefault(module, set()).add(path.relative_to(PACKAGE).as_posix())
    users = set().union(*importers.values())
    assert users and all(user.startswith("search/") for user in users), users
    internal = {user for module, paths in importers.items() for user in paths
                if module.startswith(INTERNAL_MODULES)}
    assert internal == {"search/whoosh_private.py"}


def _imported_modules(path: Path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)
