"""The reflection formats of a new installation, from formats.toml; seeding twice changes
nothing."""
from __future__ import annotations

import tomllib
from importlib.resources import files

from sqlalchemy import select

from ..extensions import db
from ..text import slugify
from .models import ReflectionFormat


def default_formats() -> list[dict]:
    return tomllib.loads(files(__package__).joinpath("formats.toml").read_text("utf-8"))[
        "formats"]


def seed_formats() -> None:
    """Add the default formats that are not there yet (by slug)."""
    for entry in default_formats():
        slug = slugify(entry["name"])
        if db.session.scalar(select(ReflectionFormat).filter_by(slug=slug)) is None:
            db.session.add(ReflectionFormat(slug=slug, name=entry["name"],
                                            questions=entry["questions"],
                                            per_condition=entry.get("per_condition", False)))
    db.session.commit()
