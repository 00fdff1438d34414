"""The language of a request: the user's choice, else the browser's preference, else Dutch."""
from __future__ import annotations

from flask import has_request_context, request
from flask_login import current_user

# Each language's name in that language itself, as a language switcher shows it.
LANGUAGES = {"nl": "Nederlands", "en": "English"}
DEFAULT = "nl"


def select_locale() -> str | None:
    if not has_request_context():
        return None  # Flask-Babel falls back to BABEL_DEFAULT_LOCALE
    if current_user.is_authenticated and current_user.locale in LANGUAGES:
        return current_user.locale
    return request.accept_languages.best_match(LANGUAGES, default=DEFAULT)
