"""The filters above the audit log: a GET form, so no CSRF token."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from ..forms import IsoDateField
from .labels import ACTION_LABELS, OUTCOME_LABELS


class AuditFilterForm(FlaskForm):
    class Meta:
        csrf = False

    action = SelectField(_l("Handeling"), validate_choice=False, choices=[
        SelectChoice("", _l("Alle handelingen")),
        *(SelectChoice(value, label) for value, label in ACTION_LABELS.items())])
    person = StringField(_l("Persoon (naam of e-mailadres)"))
    outcome = SelectField(_l("Uitkomst"), validate_choice=False, choices=[
        SelectChoice("", _l("Alle uitkomsten")),
        *(SelectChoice(value, label) for value, label in OUTCOME_LABELS.items())])
    start = IsoDateField(_l("Vanaf (datum)"))
    end = IsoDateField(_l("Tot en met (datum)"))

    def validate_action(self, field) -> None:
        if field.data and field.data not in ACTION_LABELS:
            raise ValidationError(_l("Kies een handeling uit de lijst."))

    def validate_outcome(self, field) -> None:
        if field.data and field.data not in OUTCOME_LABELS:
            raise ValidationError(_l("Kies een uitkomst uit de lijst."))

    def validate_end(self, field) -> None:
        start, end = getattr(self.start, "parsed", None), getattr(field, "parsed", None)
        if start and end and end < start:
            raise ValidationError(_l("De einddatum ligt vóór de begindatum."))
