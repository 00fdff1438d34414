"""Forms for agenda items and their progress updates; the services judge the content."""
from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import or_, select
from wtforms import (
    BooleanField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice

from ..auth.models import User
from ..extensions import db
from ..forms import IsoDateField, choices
from ..numbers import database_int
from ..taxonomy.models import Department, Partner
from .labels import STATUS_LABELS
from .models import AgendaItem, AgendaStatus
from .services import AgendaInput

_NUMBERS = re.compile(r"[\s,;]+")


class ExperienceNumbersField(StringField):
    """Experience numbers separated by commas ("12, 15" or "#12 #15")."""

    def process_formdata(self, valuelist) -> None:
        super().process_formdata(valuelist)
        tokens = [token.lstrip("#") for token in _NUMBERS.split(self.data or "") if token]
        self.parsed = [number for token in tokens if (number := database_int(token)) is not None]
        if len(self.parsed) != len(tokens):
            raise ValueError(_l("Gebruik de nummers van ervaringen, gescheiden door komma’s, "
                                "bijvoorbeeld 12, 15."))


class AgendaForm(FlaskForm):
    title = StringField(_l("Titel"))
    description = TextAreaField(_l("Beschrijving"))
    owner = StringField(_l("Eigenaar"))
    status = RadioField(_l("Status"), choices=choices(STATUS_LABELS),
                        default=AgendaStatus.IDEE, validate_choice=False)
    target_date = IsoDateField(_l("Streefdatum"))
    shared_with_partners = BooleanField(_l("Delen met partners"))
    experience_ids = ExperienceNumbersField(_l("Ervaringen waar dit uit voortkomt"))
    version = HiddenField()

    def to_input(self) -> AgendaInput:
        return AgendaInput(
            title=self.title.data or "", description=self.description.data or "",
            owner=self.owner.data or "", status=self.status.data or "",
            target_date=getattr(self.target_date, "parsed", None),
            shared_with_partners=bool(self.shared_with_partners.data),
            experience_ids=getattr(self.experience_ids, "parsed", []))

    def submitted_version(self) -> int | None:
        return database_int(self.version.data)


class ProgressForm(FlaskForm):
    text = TextAreaField(_l("Wat is er gebeurd of veranderd?"))
    status = SelectField(_l("Nieuwe status"), validate_choice=False,
                         choices=[SelectChoice("", _l("Status blijft hetzelfde")),
                                  *choices(STATUS_LABELS)])
    version = HiddenField()

    def submitted_version(self) -> int | None:
        return database_int(self.version.data)


def form_data(data: AgendaInput, version: int | None = None) -> dict:
    """Initial form values from an AgendaInput."""
    return {"title": data.title, "description": data.description, "owner": data.owner,
            "status": data.status,
            "target_date": data.target_date.isoformat() if data.target_date else "",
            "shared_with_partners": data.shared_with_partners,
            "experience_ids": ", ".join(str(number) for number in data.experience_ids),
            "version": str(version) if version is not None else ""}


def owner_groups(current: AgendaItem | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """Choices for the owner, grouped: people, departments, partner organisations."""
    keep_user = current.owner_user_id if current is not None else None
    people = db.session.scalars(select(User).where(or_(User.active.is_(True),
                                                       User.id == keep_user))
                                .order_by(User.name)).all()
    groups = [(str(_l("Personen")), [(f"user:{u.id}", _person(u)) for u in people])]
    for label, model, kind in ((_l("Afdelingen"), Department, "department"),
                               (_l("Partnerorganisaties"), Partner, "partner")):
        rows = db.session.scalars(select(model).order_by(model.name)).all()
        kept = current.owner if current is not None else None
        groups.append((str(label), [(f"{kind}:{row.slug}", row.name) for row in rows
                                    if row.active or row is kept]))
    return groups


def _person(user: User) -> str:
    return f"{user.name} ({user.organisation.name})" if user.organisation else user.name
