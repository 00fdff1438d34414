"""Shared form helpers."""
from __future__ import annotations


def attach_errors(form, errors: dict[str, str]) -> None:
    """Show a service's Dutch errors next to their fields; unknown fields above the form."""
    for name, message in errors.items():
        field = form._fields.get(name)
        if field is None:
            form.form_errors.append(message)
        elif message not in field.errors:
            field.errors = [*field.errors, message]
