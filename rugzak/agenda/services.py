"""Use cases for agenda items; the HTML views, the API and the demo loader all call these.

Each checks its own permission (policies.py). Every change writes AgendaChange rows in the same
transaction, so the history is complete.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from ..auth.models import User
from ..auth.policies import require
from ..dates import target_problem
from ..errors import InvalidInput, StaleVersion
from ..experiences.models import Experience
from ..experiences.policies import can_view as can_view_experience
from ..extensions import db
from ..i18n.locale import DEFAULT as DEFAULT_LOCALE
from ..notifications.services import agenda_item_linked
from ..numbers import database_int
from ..privacy.findings import screen, store_confirmed
from ..privacy.scanner import Finding
from ..taxonomy.models import Department, Partner
from ..timeutil import utcnow
from .labels import STATUS_LABELS
from .models import AgendaChange, AgendaItem, AgendaStatus, AgendaUpdate
from .policies import can_add_update, can_edit, may_create

TITLE_MAX = 200
TEXT_MAX = 10_000
OWNER_MODELS = {"user": User, "department": Department, "partner": Partner}


@dataclass
class AgendaInput:
    title: str = ""
    description: str = ""
    owner: str = ""
    status: str = AgendaStatus.IDEE
    target_date: date | None = None
    shared_with_partners: bool = False
    experience_ids: list[int] = field(default_factory=list)
    confirm_privacy: bool = False  # "these are not residents' data" (rugzak/privacy/check.py)

    @classmethod
    def from_item(cls, item: AgendaItem) -> "AgendaInput":
        return cls(title=item.title, description=item.description, owner=item.owner_key,
                   status=item.status, target_date=item.target_date,
                   shared_with_partners=item.shared_with_partners,
                   experience_ids=[e.id for e in item.experiences])


def find_owner(key: str, current: AgendaItem | None = None):
    """The user, department or partner organisation behind "user:3", "department:slug"…"""
    kind, _, value = (key or "").partition(":")
    if current is not None and key and key == current.owner_key:
        return current.owner
    if kind == "user":
        user_id = database_int(value)
        user = db.session.get(User, user_id) if user_id is not None else None
        return user if user is not None and user.active else None
    model = OWNER_MODELS.get(kind)
    row = db.session.scalar(select(model).where(model.slug == value)) if model else None
    return row if row is not None and row.active else None


def create_item(user: User, data: AgendaInput) -> AgendaItem:
    require(may_create(user))
    item = AgendaItem(created_by=user)
    findings = _apply(item, data, user)
    db.session.add(item)
    store_confirmed(item, findings, user)
    _log(item, user, "created", "", item.title)
    agenda_item_linked(user, item, item.experiences)
    db.session.commit()
    return item


def update_item(user: User, item: AgendaItem, data: AgendaInput,
                version: int | None) -> AgendaItem:
    """Save an edit made from `version`; raise StaleVersion when someone saved in between."""
    require(can_edit(user, item))
    if version != item.version:
        raise StaleVersion(item)
    before = _snapshot(item)
    linked = {experience.id for experience in item.experiences}
    findings = _apply(item, data, user)
    store_confirmed(item, findings, user)
    after = _snapshot(item)
    for name in before:
        if before[name] != after[name]:
            _log(item, user, name, before[name], after[name])
    agenda_item_linked(user, item, [experience for experience in item.experiences
                                    if experience.id not in linked])
    return _commit(item)


def add_progress(user: User, item: AgendaItem, text: str, status: str,
                 version: int | None, confirmed: bool = False) -> AgendaUpdate:
    """A dated progress update; a new status needs the version the writer saw. `confirmed`:
    the writer confirmed the resident-data findings (rugzak/privacy/check.py)."""
    require(can_add_update(user, item))
    errors = {}
    if not text.strip():
        errors["text"] = _("Schrijf wat er is gebeurd of veranderd.")
    elif len(text) > TEXT_MAX:
        errors["text"] = _("Een voortgangsbericht mag hoogstens %(count)d tekens hebben.",
                           count=TEXT_MAX)
    if status and status not in set(AgendaStatus):
        errors["status"] = _("Kies een status: idee, loopt, gerealiseerd of gestopt.")
    if errors:
        raise InvalidInput(errors)
    findings = screen({"text": text.strip()}, confirmed)
    changes_status = bool(status) and status != item.status
    if changes_status and version != item.version:
        raise StaleVersion(item)
    update = AgendaUpdate(item=item, author=user, text=text.strip(),
                          status=status if changes_status else None)
    db.session.add(update)
    store_confirmed(update, findings, user)
    _log(item, user, "progress", "", "")
    if changes_status:
        _log(item, user, "status", _stored_label(item.status), _stored_label(status))
        item.status = status
    _commit(item)
    return update


def _commit(item: AgendaItem) -> AgendaItem:
    item.updated_at = utcnow()
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        raise StaleVersion(db.session.get(AgendaItem, item.id)) from None
    return item


def _apply(item: AgendaItem, data: AgendaInput, user: User) -> list[Finding]:
    """Check `data` and change `item`; the confirmed resident-data findings, to be stored."""
    errors = find_problems(user, data, item)
    if errors:
        raise InvalidInput(errors)
    findings = screen({"title": data.title.strip(), "description": data.description.strip()},
                      data.confirm_privacy, item)
    owner = find_owner(data.owner, item)
    experiences = _experiences(user, data.experience_ids, item)[0]
    with db.session.no_autoflush:
        item.title = data.title.strip()
        item.description = data.description.strip()
        item.status = data.status
        item.target_date = data.target_date
        item.shared_with_partners = data.shared_with_partners
        item.owner_user = owner if isinstance(owner, User) else None
        item.owner_department = owner if isinstance(owner, Department) else None
        item.owner_partner = owner if isinstance(owner, Partner) else None
        item.experiences = experiences
    return findings


def find_problems(user: User, data: AgendaInput, item: AgendaItem | None = None) -> dict:
    """Every problem with `data`, in Dutch, by field name; empty when it can be saved."""
    errors = _problems(data, find_owner(data.owner, item))
    unknown = _experiences(user, data.experience_ids, item)[1]
    if unknown:
        errors["experience_ids"] = _("Onbekende ervaring: %(numbers)s.",
                                      numbers=", ".join(map(str, unknown)))
    return errors


def _problems(data: AgendaInput, owner) -> dict[str, str]:
    errors = {}
    if not data.title.strip():
        errors["title"] = _("Vul een titel in.")
    elif len(data.title) > TITLE_MAX:
        errors["title"] = _("De titel mag hoogstens %(count)d tekens hebben.", count=TITLE_MAX)
    if len(data.description) > TEXT_MAX:
        errors["description"] = _("De beschrijving mag hoogstens %(count)d tekens hebben.",
                                   count=TEXT_MAX)
    if not data.owner:
        errors["owner"] = _("Kies wie eigenaar is: een persoon, een afdeling of een partner.")
    elif owner is None:
        errors["owner"] = _("Deze eigenaar bestaat niet (meer); kies een andere.")
    if data.status not in set(AgendaStatus):
        errors["status"] = _("Kies een status: idee, loopt, gerealiseerd of gestopt.")
    if problem := target_problem(data.target_date):
        errors["target_date"] = problem
    return errors


def _experiences(user: User, ids: list[int], item: AgendaItem | None):
    """Rows for the wanted ids the user may see, plus kept links the user cannot see."""
    wanted = list(dict.fromkeys(ids))
    rows = {row.id: row for row in db.session.scalars(
        select(Experience).where(Experience.id.in_(wanted)))} if wanted else {}
    chosen = [rows[number] for number in wanted
              if number in rows and can_view_experience(user, rows[number])]
    unknown = [number for number in wanted if number not in {row.id for row in chosen}]
    hidden = [e for e in (item.experiences if item is not None else [])
              if not can_view_experience(user, e) and e.id not in wanted]
    return chosen + hidden, unknown


def _snapshot(item: AgendaItem) -> dict[str, str]:
    """Display values of the tracked fields (experiences by number: titles may be private)."""
    return {
        "title": item.title, "description": item.description,
        "owner": item.owner.name if item.owner is not None else "",
        "status": _stored_label(item.status),
        "target_date": item.target_date.isoformat() if item.target_date else "",
        "shared_with_partners": "ja" if item.shared_with_partners else "nee",
        "experiences": ", ".join(f"#{e.id}" for e in sorted(item.experiences,
                                                             key=lambda e: e.id)),
    }


def _stored_label(status: str) -> str:
    """A status in Dutch: the history is data, the same whatever language its writer reads."""
    with force_locale(DEFAULT_LOCALE):
        return str(STATUS_LABELS.get(status, status))


def _log(item: AgendaItem, user: User, name: str, old: str, new: str) -> None:
    db.session.add(AgendaChange(item=item, changed_by=user, field=name, old_value=old,
                                new_value=new))
