"""One error vocabulary for every feature, answered alike by the pages and the API.

Services and policies raise `InvalidInput`, `StaleVersion`, `Forbidden` or `NotFound`; both
front doors let them through. Under /api/ the answer is JSON with Dutch messages
(422, 409, 403, 404); a page shows the error page, unless its view catches `InvalidInput` to
show the form again with the messages at their fields (rugzak.forms.keep_input).
"""
from __future__ import annotations

import logging
from functools import wraps
from urllib.parse import urlsplit

from flask import Flask, Response, jsonify, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from .extensions import db
from .urls import OPEN_PREFIX, is_open_path

MESSAGES = {
    400: _l("Dit verzoek kunnen we niet verwerken."),
    401: _l("Log in of gebruik een geldige API-token."),
    403: _l("Je hebt geen toestemming voor deze pagina of handeling."),
    404: _l("Deze pagina bestaat niet, of je hebt er geen toegang toe."),
    405: _l("Deze handeling is hier niet mogelijk."),
    409: _l("Iemand anders heeft dit intussen gewijzigd."),
    413: _l("Wat je verstuurt is te groot."),
    422: _l("De invoer klopt niet."),
    429: _l("Te veel verzoeken. Wacht even en probeer het opnieuw."),
    500: _l("Er ging aan onze kant iets mis. Probeer het later opnieuw."),
}
# Said when even the error page failed: plain text, no template, no translation to fail again
BARE_MESSAGE = "Er ging aan onze kant iets mis. Probeer het later opnieuw."
log = logging.getLogger(__name__)
CSRF_MESSAGE = _l("Het formulier is verlopen of niet compleet verstuurd. Laad de pagina "
                  "opnieuw en probeer het nog eens.")


class ServiceError(Exception):
    """A refusal with an HTTP status, a Dutch message and, optionally, messages by field."""

    status = 400

    def __init__(self, message: str | None = None, errors: dict[str, str] | None = None,
                 extra: dict | None = None):
        super().__init__(message or errors)
        self.message = message
        self.errors = {name: str(text) for name, text in (errors or {}).items()}
        self.extra = extra or {}

    def text(self) -> str:
        return str(self.message or MESSAGES[self.status])


class InvalidInput(ServiceError):
    """What was sent cannot be saved: Dutch messages by field name (a form field or JSON key);
    `extra` adds keys to the JSON answer (e.g. the findings of the resident-data check)."""

    status = 422

    def __init__(self, errors: dict[str, str], extra: dict | None = None):
        super().__init__(None, errors, extra)


class StaleVersion(ServiceError):
    """Someone saved in between: `current` is the row as it is now (it has a `version`)."""

    status = 409

    def __init__(self, current):
        super().__init__()
        self.current = current

    def text(self) -> str:
        return _("Iemand anders heeft dit intussen gewijzigd; haal de nieuwste versie "
                 "(%(version)d) op en probeer opnieuw.", version=self.current.version)

    @property
    def version_errors(self) -> dict[str, str]:
        return {"version": _("De nieuwste versie is %(version)d.",
                             version=self.current.version)}


class Forbidden(ServiceError):
    """The user may see this, but not do that."""

    status = 403


class NotFound(ServiceError):
    """Missing, or not visible to this user: the two are never told apart."""

    status = 404


def wants_json() -> bool:
    return request.path.startswith(("/api/", OPEN_PREFIX + "/api/"))


def _error_template() -> str:
    """The world's pages have their own layout, without a session (so without a cookie)."""
    return "open/error.html" if is_open_path(request.path) else "error.html"


def error_response(status: int, message: str | None = None, fields: dict | None = None,
                   extra: dict | None = None):
    message = str(message or MESSAGES.get(status, MESSAGES[400]))
    if wants_json():
        return jsonify(error=message, fields=fields or {}, **(extra or {})), status
    return render_template(_error_template(), status=status, message=message,
                           fields=fields or {}, way_back=way_back()), status


def way_back() -> str:
    """The page this request came from when it is a page of this site, else the start page."""
    referrer = urlsplit(request.referrer or "")
    if referrer.netloc != request.host or not referrer.path.startswith("/"):
        return url_for("home.index")
    return referrer.path + (f"?{referrer.query}" if referrer.query else "")


def never_failing(handler):
    """An error handler that fails answers a bare 500 in plain text; the security headers are
    still added (Flask runs the after_request functions on what an error handler returns)."""
    @wraps(handler)
    def answer(error):
        try:
            return handler(error)
        except Exception:
            log.exception("the error handler failed on %r", error)
            return Response(BARE_MESSAGE, 500, mimetype="text/plain")
    return answer


def handle_service_error(error: ServiceError):
    """Nothing half-done is kept: the transaction of the refused request is rolled back."""
    db.session.rollback()
    fields = error.errors
    if isinstance(error, StaleVersion):
        fields = error.version_errors
    return error_response(error.status, error.text(), fields, error.extra)


def handle_http_exception(error: HTTPException):
    if isinstance(error, CSRFError):
        return error_response(400, CSRF_MESSAGE)
    status = error.code or 500
    data = getattr(error, "data", None) or {}
    return error_response(status, data.get("message") or MESSAGES.get(status),
                          _field_messages(data.get("messages")), data.get("extra"))


def _field_messages(messages: dict | None) -> dict:
    """webargs nests messages by location ({"json": {"title": [...]}}): flatten to fields."""
    fields: dict = {}
    for by_field in (messages or {}).values():
        for name, problems in (by_field.items() if isinstance(by_field, dict) else ()):
            fields[name] = _first_message(problems)
    return fields


def _first_message(problems) -> str:
    """The first message of a field's problems, however deep a list or nested object holds it."""
    while isinstance(problems, (list, dict)) and problems:
        problems = next(iter(problems.values())) if isinstance(problems, dict) else problems[0]
    return str(problems)


def register_error_handlers(app: Flask) -> None:
    """Registered after flask-smorest's own handler, so these answer for the whole app."""
    app.register_error_handler(HTTPException, never_failing(handle_http_exception))
    app.register_error_handler(ServiceError, never_failing(handle_service_error))
