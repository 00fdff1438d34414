"""Shared form helpers and widgets."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import Form, HiddenField, SelectMultipleField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import CheckboxInput, ListWidget

from .dates import parse_day
from .errors import InvalidInput
from .extensions import db


def keep_input(form, error: InvalidInput) -> None:
    """A service refused the form: drop its half-made changes and show its Dutch messages next
    to their fields, keeping everything the user typed."""
    db.session.rollback()
    attach_errors(form, error.errors)


def attach_errors(form, errors: dict[str, str]) -> None:
    """Show Dutch messages next to their fields; unknown fields above the form."""
    for name, message in errors.items():
        field = form._fields.get(name)
        if field is None:
            form.form_errors.append(message)
        elif message not in field.errors:
            field.errors = [*field.errors, message]


def text_box_names() -> frozenset[str]:
    """The field names that are a text box in every form that uses them (text, text area,
    password; not hidden): what a person types there is text, even when it is all digits."""
    kinds: dict[str, set[bool]] = {}
    forms = list(Form.__subclasses__())
    while forms:
        form = forms.pop()
        forms.extend(form.__subclasses__())
        for name, unbound in vars(form).items():
            field_class = getattr(unbound, "field_class", None)
            if field_class is not None:
                kinds.setdefault(name, set()).add(issubclass(field_class, StringField)
                                                  and not issubclass(field_class, HiddenField))
    return frozenset(name for name, is_text in kinds.items() if is_text == {True})


def choices(labels: dict) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in labels.items()]


class CheckboxListField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def pre_validate(self, form) -> None:
        """Unknown values are reported by the service in Dutch, not here."""


class IsoDateField(StringField):
    """A date typed as YYYY-MM-DD (or DD-MM-YYYY, DD/MM/YYYY) in a plain text box: Chromium's
    date picker button takes focus without any visible indicator we can style, and shows another
    format than the hint."""

    def process_formdata(self, valuelist) -> None:
        super().process_formdata(valuelist)
        self.parsed = None
        if self.data:
            try:
                self.parsed = parse_day(self.data)
            except ValueError:
                message = _l("Vul een datum in als jjjj-mm-dd, bijvoorbeeld 2025-03-14.")
                raise ValueError(message) from None

    def _value(self) -> str:
        return self.data or ""
