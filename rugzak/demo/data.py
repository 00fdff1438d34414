"""The demo data: TOML files beside this module (content, curation, agenda), read at run time."""
from __future__ import annotations

import tomllib
from importlib.resources import files


def demo_data(name: str) -> dict:
    """The parsed rugzak/demo/<name>.toml."""
    return tomllib.loads(files(__package__).joinpath(f"{name}.toml").read_text("utf-8"))
