"""Forms of reflection sessions; they parse types, the services judge the content."""
from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import (
    BooleanField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice

from ..agenda.forms import ExperienceNumbersField
from ..agenda.services import AgendaInput
from ..auth.models import User
from ..bundles.models import Bundle
from ..extensions import db
from ..forms import CheckboxListField, IsoDateField, choices
from ..numbers import database_int
from .labels import MATERIAL_LABELS, NOTE_LABELS
from .models import ReflectionFormat, ReflectionSession
from .queries import SCORES
from .services import SessionInput


class PlanForm(FlaskForm):
    title = StringField(_l("Titel"))
    held_on = IsoDateField(_l("Datum"))
    place = StringField(_l("Plaats of online link"))
    format_id = RadioField(_l("Werkvorm"), validate_choice=False)
    facilitator_id = SelectField(_l("Gespreksleider"), validate_choice=False)
    participant_ids = CheckboxListField(_l("Deelnemers"))
    material_kind = RadioField(_l("Materiaal"), choices=choices(MATERIAL_LABELS),
                               validate_choice=False)
    bundle_id = SelectField(_l("Bundel"), validate_choice=False)
    query = StringField(_l("Zoekopdracht"))
    period_start = IsoDateField(_l("Periode van"))
    period_end = IsoDateField(_l("Periode tot en met"))

    def fill_choices(self) -> None:
        people = db.session.scalars(select(User).where(User.active.is_(True))
                                    .order_by(User.name)).all()
        self.format_id.choices = [SelectChoice(str(f.id), f.name) for f in db.session.scalars(
            select(ReflectionFormat).where(ReflectionFormat.active.is_(True))
            .order_by(ReflectionFormat.id))]
        self.facilitator_id.choices = [SelectChoice("", _l("Kies een gespreksleider")),
                                       *[SelectChoice(str(u.id), _person(u)) for u in people
                                         if not u.is_partner]]
        self.participant_ids.choices = [SelectChoice(str(u.id), _person(u)) for u in people]
        self.bundle_id.choices = [SelectChoice("", _l("Kies een bundel")),
                                  *[SelectChoice(str(b.id), b.title) for b in db.session.scalars(
                                      select(Bundle).order_by(Bundle.title))]]

    def to_input(self) -> SessionInput:
        return SessionInput(
            title=self.title.data or "", held_on=getattr(self.held_on, "parsed", None),
            place=self.place.data or "", format_id=database_int(self.format_id.data),
            facilitator_id=database_int(self.facilitator_id.data),
            participant_ids=[n for value in self.participant_ids.data or []
                             if (n := database_int(value)) is not None],
            material_kind=self.material_kind.data or "",
            bundle_id=database_int(self.bundle_id.data), query=self.query.data or "",
            period_start=getattr(self.period_start, "parsed", None),
            period_end=getattr(self.period_end, "parsed", None))


def plan_data(session: ReflectionSession) -> dict:
    """A planned session as the plan form's values."""
    return {"title": session.title, "held_on": session.held_on.isoformat(),
            "place": session.place, "format_id": str(session.format_id),
            "facilitator_id": str(session.facilitator_id),
            "participant_ids": [str(person.id) for person in session.participants],
            "material_kind": session.material_kind, "bundle_id": str(session.bundle_id or ""),
            "query": session.query, "period_start": _iso(session.period_start),
            "period_end": _iso(session.period_end)}


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _person(user: User) -> str:
    return f"{user.name} ({user.organisation.name})" if user.organisation else user.name


class AttendanceForm(FlaskForm):
    attendee_ids = CheckboxListField(_l("Wie is er?"))

    def fill_choices(self, session: ReflectionSession) -> None:
        invited = {person.id: person for person in [session.facilitator, *session.participants]}
        self.attendee_ids.choices = [SelectChoice(str(number), _person(person))
                                     for number, person in invited.items()]

    def chosen_ids(self) -> list[int]:
        return [n for value in self.attendee_ids.data or [] if (n := database_int(value))
                is not None]


class QuestionForm(FlaskForm):
    question = TextAreaField(_l("Jouw vraag voor de sessie"))


class TemperatureForm(FlaskForm):
    condition_id = HiddenField()
    score = RadioField(_l("Score"), choices=[SelectChoice(str(n), str(n)) for n in SCORES],
                       validate_choice=False)


class NoteForm(FlaskForm):
    step_key = HiddenField()
    kind = RadioField(_l("Soort"), choices=choices(NOTE_LABELS), default="notitie",
                      validate_choice=False)
    note = TextAreaField(_l("Notitie of inzicht"))


class DecisionForm(FlaskForm):
    title = StringField(_l("Besluit"))
    description = TextAreaField(_l("Toelichting"))
    owner = StringField(_l("Eigenaar"))
    target_date = IsoDateField(_l("Streefdatum"))
    experience_ids = ExperienceNumbersField(_l("Ervaringen waar dit uit voortkomt"))

    def to_input(self) -> AgendaInput:
        return AgendaInput(title=self.title.data or "", description=self.description.data or "",
                           owner=self.owner.data or "",
                           target_date=getattr(self.target_date, "parsed", None),
                           experience_ids=getattr(self.experience_ids, "parsed", []))


class FormatForm(FlaskForm):
    name = StringField(_l("Naam"))
    questions = TextAreaField(_l("Vragen, één per regel"))
    per_condition = BooleanField(_l("Loop de randvoorwaarden één voor één langs"))
    active = BooleanField(_l("In gebruik"), default=True)
