"""Loads the demo partners, accounts and experiences into an empty database."""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timezone

from sqlalchemy import func, select, update

from ..admin.services import create_user
from ..auth.models import User
from ..auth.roles import Role
from ..experiences.models import Experience
from ..experiences.services import ExperienceInput, create_experience
from ..extensions import db
from ..search.changelog import EXPERIENCE, record_changes
from ..taxonomy.models import Partner
from .agenda import load_demo_agenda
from .curation import load_curation
from .data import demo_data
from .history import date_first_revision

DEMO_DOMAIN = "demo.rugzak.example"


@dataclass(frozen=True)
class DemoAccount:
    key: str
    name: str
    role: Role
    department: str | None = None
    partner: str | None = None

    @property
    def email(self) -> str:
        return f"{self.key}@{DEMO_DOMAIN}"


def demo_accounts() -> list[DemoAccount]:
    return [DemoAccount(**account | {"role": Role(account["role"])})
            for account in demo_data("content")["accounts"]]


class NotEmpty(Exception):
    """Demo content only goes into a database without users or experiences."""


def database_is_empty() -> bool:
    users = db.session.scalar(select(func.count()).select_from(User))
    experiences = db.session.scalar(select(func.count()).select_from(Experience))
    return users == 0 and experiences == 0


def load_demo() -> list[tuple[DemoAccount, str]]:
    """Create the demo content; return each account with its new random password."""
    if not database_is_empty():
        raise NotEmpty()
    content = demo_data("content")
    _add_partners(content["partners"])
    credentials = [(account, secrets.token_urlsafe(12)) for account in demo_accounts()]
    users = {account.key: _create_account(account, password)
             for account, password in credentials}
    for item in content["experiences"]:
        _add_experience(users[item["author"]], item)
    load_curation(users)
    load_demo_agenda(users)
    return credentials


def _add_partners(partners: list[dict]) -> None:
    existing = set(db.session.scalars(select(Partner.slug)))
    db.session.add_all(Partner(slug=partner["slug"], name=partner["name"])
                       for partner in partners if partner["slug"] not in existing)
    db.session.commit()


def _create_account(account: DemoAccount, password: str) -> User:
    return create_user(None, account.email, account.name, account.role, password,
                       department=account.department, partner=account.partner)


def _add_experience(author: User, item: dict) -> None:
    occurred_on = date.fromisoformat(item["occurred_on"])
    data = ExperienceInput(
        **{name: item[name] for name in ("title", "situation", "task", "approach", "result",
                                         "lesson", "tip", "kind", "departments", "partners",
                                         "goals", "tags", "visibility", "status", "anonymous")},
        occurred_on=occurred_on, conditions=dict(item["conditions"]),
    )
    experience = create_experience(author, data)
    # Dated to when it happened, so lists and trends look lived-in; not an edit, so the
    # version stays 1.
    written = datetime.combine(occurred_on, time(10, 0), tzinfo=timezone.utc)
    published = written if experience.published_at is not None else None
    db.session.execute(update(Experience).where(Experience.id == experience.id).values(
        created_at=written, updated_at=written, published_at=published))
    date_first_revision(experience.id, written)
    record_changes(db.session, EXPERIENCE, [experience.id])
    db.session.commit()
