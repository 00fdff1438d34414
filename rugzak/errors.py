"""Error pages in Dutch, and JSON errors under /api/."""
from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

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
CSRF_MESSAGE = _l("Het formulier is verlopen of niet compleet verstuurd. Laad de pagina "
                  "opnieuw en probeer het nog eens.")


def wants_json() -> bool:
    return request.path.startswith("/api/")


def error_response(status: int, message: str | None = None, fields: dict | None = None,
                   extra: dict | None = None):
    """`extra`: more keys for the JSON answer (e.g. the findings of the resident-data check)."""
    message = str(message or MESSAGES.get(status, MESSAGES[400]))
    if wants_json():
        return jsonify(error=message, fields=fields or {}, **(extra or {})), status
    return render_template("error.html", status=status, message=message), status


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
            fields[name] = problems[0] if isinstance(problems, list) and problems else problems
    return fields


def register_error_handlers(app: Flask) -> None:
    """Registered after flask-smorest's own handler, so this one answers for the whole app."""
    app.register_error_handler(HTTPException, handle_http_exception)
