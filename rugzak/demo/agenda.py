"""Demo agenda items (agenda.toml) for the toekomstagenda, made through the same services as
the pages. Target dates are relative to the day the demo is loaded, so one item is always overdue.
"""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from ..agenda.services import AgendaInput, add_progress, create_item
from ..auth.models import User
from ..experiences.models import Experience
from ..extensions import db
from .data import demo_data


def load_demo_agenda(users: dict[str, User]) -> None:
    """Create the demo items; `users` maps demo keys to accounts."""
    titles = {e.title: e.id for e in db.session.scalars(select(Experience))}
    for spec in demo_data("agenda")["items"]:
        item = create_item(users[spec["by"]], AgendaInput(
            title=spec["title"], description=spec["description"],
            owner=_owner(spec["owner"], users),
            target_date=date.today() + timedelta(days=spec["target_in_days"]),
            shared_with_partners=spec["shared_with_partners"],
            experience_ids=[titles[title] for title in spec["from_experiences"]]))
        for step in spec.get("progress", []):
            add_progress(users[step["by"]], item, step["text"], step["status"], item.version)


def _owner(owner: str, users: dict[str, User]) -> str:
    """user:<demo key> becomes user:<id>; partner:<slug> and department:<slug> stay."""
    kind, key = owner.split(":", 1)
    return f"user:{users[key].id}" if kind == "user" else owner
