"""The API's flask-smorest Blueprint: Dutch answers to broken JSON, CSRF for cookie sessions,
`Idempotency-Key` on POSTs."""
from functools import wraps

from flask import request
from flask_babel import gettext as _
from flask_smorest import Blueprint
from flask_wtf.csrf import CSRFError, validate_csrf
from webargs.flaskparser import FlaskParser, abort
from wtforms.validators import ValidationError

from ..bearer import bearer_token
from ..extensions import csrf
from ..security.idempotency import keep_answer, replay_or_reserve

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class DutchParser(FlaskParser):
    def _handle_invalid_json_error(self, error, req, *args, **kwargs):
        abort(400, exc=error, message=_("Het verzoek bevat geen geldige JSON."))


def require_csrf_for_cookie_sessions() -> None:
    """A token call needs no CSRF token; a call riding on the session cookie does."""
    if request.method in SAFE_METHODS or bearer_token():
        return
    try:
        validate_csrf(request.headers.get("X-CSRFToken"))
    except ValidationError:
        raise CSRFError() from None


class ApiBlueprint(Blueprint):
    ARGUMENTS_PARSER = DutchParser()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        csrf.exempt(self)  # replaced by the header check below
        self.before_request(require_csrf_for_cookie_sessions)
        self.before_request(replay_or_reserve)
        self.after_request(keep_answer)


def checked_first(check):
    """Run `check(**url_values)` before the body is parsed (place it above `@blp.arguments`).

    Whoever may not do this at all gets 403 (or 404 for what they may not see), never a 422
    about the body they sent: the same order as the HTML pages.
    """
    def decorate(view):
        @wraps(view)
        def checked(*args, **kwargs):
            check(**kwargs)
            return view(*args, **kwargs)
        return checked
    return decorate
