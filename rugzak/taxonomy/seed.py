"""The defaults of a new installation, from defaults.toml; seeding twice changes nothing."""
from __future__ import annotations

import tomllib
from importlib.resources import files

from sqlalchemy import select

from ..extensions import db
from ..text import slugify
from .models import Condition, Department, Goal


def default_taxonomy() -> dict:
    """{"departments": [name], "conditions": [{name, description}], "goals": [...]}."""
    return tomllib.loads(files(__package__).joinpath("defaults.toml").read_text("utf-8"))


def seed_taxonomy() -> None:
    """Add the default departments, conditions and goals that are not there yet."""
    defaults = default_taxonomy()
    for name in defaults["departments"]:
        _ensure(Department, slugify(name), name=name)
    for model, key in ((Condition, "conditions"), (Goal, "goals")):
        for position, entry in enumerate(defaults[key], start=1):
            _ensure(model, slugify(entry["name"]), name=entry["name"],
                    description=entry["description"], position=position)
    db.session.commit()


def _ensure(model, slug: str, **values) -> None:
    if db.session.scalar(select(model).filter_by(slug=slug)) is None:
        db.session.add(model(slug=slug, **values))
