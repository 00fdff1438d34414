"""Shared form helpers."""
from __future__ import annotations

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
