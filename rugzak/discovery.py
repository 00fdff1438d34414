"""Features are found by convention, never listed by hand (as Indico's discover_blueprints).

A feature is a package `rugzak/<feature>/`; its `views.py` holds its page blueprints, its
`api.py` its API blueprints and its `personal_data.py` its part of the data download and of
erasure. Each is imported when it exists.
"""
from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module
from pathlib import Path
from types import ModuleType

PACKAGE_DIR = Path(__file__).resolve().parent


def feature_modules(name: str) -> Iterator[ModuleType]:
    """`rugzak.<feature>.<name>` for every feature that has such a module, alphabetically."""
    for path in sorted(PACKAGE_DIR.glob(f"*/{name}.py")):
        yield import_module(f"{__package__}.{path.parent.name}.{name}")


def defined_in(module: ModuleType, kind: type) -> list:
    """The instances of `kind` that `module` itself defines (not those it imports)."""
    return [value for value in vars(module).values()
            if isinstance(value, kind) and getattr(value, "import_name", None) == module.__name__]
