"""The STARR form; its choices come from the taxonomy in the database."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import or_, select
from wtforms import (
    BooleanField,
    Field,
    HiddenField,
    RadioField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice

from ..auth.models import User
from ..extensions import db
from ..forms import CheckboxListField, IsoDateField, choices
from ..numbers import database_int
from ..taxonomy.models import Condition, Department, Goal, Partner
from ..text import split_tags
from .labels import KIND_LABELS, VISIBILITY_LABELS
from .models import Experience, Kind, Status, Visibility
from .services import SECTION_MAX, TITLE_MAX, ExperienceInput

EFFECT_CHOICES = [SelectChoice("", _l("Niet van toepassing")),
                  SelectChoice("hielp", _l("Was er en hielp")),
                  SelectChoice("ontbrak", _l("Ontbrak en hinderde"))]
SECTION_LIMIT = {"maxlength": SECTION_MAX}  # the browser stops at the limit, the hint says it


class ExperienceForm(FlaskForm):
    title = StringField(_l("Titel"), render_kw={"maxlength": TITLE_MAX})
    situation = TextAreaField(_l("Situatie"), render_kw=SECTION_LIMIT)
    task = TextAreaField(_l("Taak of doel"), render_kw=SECTION_LIMIT)
    approach = TextAreaField(_l("Aanpak"), render_kw=SECTION_LIMIT)
    result = TextAreaField(_l("Resultaat"), render_kw=SECTION_LIMIT)
    lesson = TextAreaField(_l("Les"), render_kw=SECTION_LIMIT)
    tip = TextAreaField(_l("Tip voor collega's"), render_kw=SECTION_LIMIT)
    kind = RadioField(_l("Soort ervaring"), choices=choices(KIND_LABELS), default=Kind.LES,
                      validate_choice=False)
    occurred_on = IsoDateField(_l("Datum waarop het gebeurde"))
    departments = CheckboxListField(_l("Betrokken afdelingen"))
    partners = CheckboxListField(_l("Betrokken partnerorganisaties"))
    goals = CheckboxListField(_l("Transformatiedoelen"))
    tags = StringField(_l("Trefwoorden"))
    visibility = RadioField(_l("Wie mag dit lezen?"), choices=choices(VISIBILITY_LABELS),
                            default=Visibility.INTERN, validate_choice=False)
    anonymous = BooleanField(_l("Publiceer zonder mijn naam"))
    open_consent = BooleanField(_l("Mag openbaar gedeeld worden"))
    version = HiddenField()

    condition_fields: list[tuple[Condition, Field]]

    def to_input(self, publish: bool) -> ExperienceInput:
        return ExperienceInput(
            title=self.title.data or "", situation=self.situation.data or "",
            task=self.task.data or "", approach=self.approach.data or "",
            result=self.result.data or "", lesson=self.lesson.data or "",
            tip=self.tip.data or "", kind=self.kind.data or "",
            occurred_on=getattr(self.occurred_on, "parsed", None),
            departments=self.departments.data or [], partners=self.partners.data or [],
            goals=self.goals.data or [],
            conditions={c.slug: f.data for c, f in self.condition_fields if f.data},
            tags=split_tags(self.tags.data or ""),
            visibility=self.visibility.data if self.visibility else Visibility.MET_PARTNERS,
            status=Status.GEPUBLICEERD if publish else Status.CONCEPT,
            anonymous=bool(self.anonymous.data), open_consent=bool(self.open_consent.data),
        )

    def submitted_version(self) -> int | None:
        return database_int(self.version.data)


def build_form(user: User, experience: Experience | None = None, **kwargs) -> ExperienceForm:
    """An ExperienceForm with this installation's conditions, filled from `experience` if given."""
    conditions = _active_or_used(Condition, experience, Condition.position)

    class Form(ExperienceForm):
        pass

    for condition in conditions:
        setattr(Form, f"condition_{condition.id}",
                RadioField(condition.name, choices=EFFECT_CHOICES, default="",
                           validate_choice=False))
    if experience is not None:
        kwargs.setdefault("data", _initial(experience))
    form = Form(**kwargs)
    form.condition_fields = [(c, form[f"condition_{c.id}"]) for c in conditions]
    form.departments.choices = _choices(Department, experience, Department.name)
    form.partners.choices = _choices(Partner, experience, Partner.name)
    form.goals.choices = _choices(Goal, experience, Goal.position)
    if user.is_partner:
        del form.visibility
    return form


def _initial(experience: Experience) -> dict:
    data = ExperienceInput.from_experience(experience)
    values = {name: getattr(data, name) for name in (
        "title", "situation", "task", "approach", "result", "lesson", "tip", "kind",
        "departments", "partners", "goals", "visibility", "anonymous", "open_consent")}
    values["occurred_on"] = data.occurred_on.isoformat() if data.occurred_on else ""
    values["tags"] = ", ".join(data.tags)
    values["version"] = str(experience.version)
    for link in experience.conditions:
        values[f"condition_{link.condition_id}"] = link.effect
    return values


def _active_or_used(model, experience: Experience | None, order) -> list:
    used = [row.id for row in _used(model, experience)]
    query = select(model).where(or_(model.active.is_(True), model.id.in_(used))).order_by(order)
    return list(db.session.scalars(query))


def _used(model, experience: Experience | None) -> list:
    if experience is None:
        return []
    if model is Condition:
        return [link.condition for link in experience.conditions]
    attribute = {Department: "departments", Partner: "partners", Goal: "goals"}[model]
    return getattr(experience, attribute)


def _choices(model, experience, order) -> list[SelectChoice]:
    return [SelectChoice(row.slug, row.name) for row in _active_or_used(model, experience, order)]
