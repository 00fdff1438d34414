"""Mails in the recipient's language, as plain text and simple, escaped HTML
(templates/mail/<name>.txt and .html)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from flask import render_template
from flask_babel import force_locale

from ..auth.models import User
from ..i18n.locale import DEFAULT, LANGUAGES


def language_of(user: User) -> str:
    """The language the person chose; Dutch when they chose none (a mail has no browser)."""
    return user.locale if user.locale in LANGUAGES else DEFAULT


@contextmanager
def in_language_of(user: User) -> Iterator[None]:
    """Translate everything made inside (subjects, texts) into the recipient's language."""
    with force_locale(language_of(user)):
        yield


def render_mail(name: str, **context) -> tuple[str, str]:
    """The plain-text and HTML bodies of templates/mail/<name>; call it in_language_of."""
    return (render_template(f"mail/{name}.txt", **context),
            render_template(f"mail/{name}.html", **context))
