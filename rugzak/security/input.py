"""Malformed input is refused in one place, before any form, parser or database sees it: a NUL
character in a query string, form or JSON body (PostgreSQL cannot store one), a JSON body that is
not UTF-8, nested too deep to parse safely, or holding a lone UTF-16 surrogate ("\\ud800"), and
a whole number in a query string or form too big for the database (rugzak.numbers), except in a
text box: a title or lesson that is all digits is text."""
from __future__ import annotations

import json
import re

from flask import Flask, request
from flask_babel import lazy_gettext as _l

from ..errors import error_response
from ..forms import text_box_names
from ..numbers import too_big

MAX_JSON_DEPTH = 32
SEARCH_TEXT = {"q"}  # a search may be for any number (a case number, a year range)
NUL = "\x00"
JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
BRACKET = re.compile(r"[\[\]{}]")
SURROGATE = re.compile("[\ud800-\udfff]")

NUL_MESSAGE = _l("De invoer bevat een ongeldig teken (NUL). Haal het weg en probeer het opnieuw.")
UTF8_MESSAGE = _l("Het verzoek bevat geen geldige UTF-8-tekst.")
DEPTH_MESSAGE = _l("Het verzoek is te diep genest (hoogstens %(depth)d niveaus).",
                   depth=MAX_JSON_DEPTH)
NUMBER_MESSAGE = _l("Dit getal is te groot.")
SURROGATE_MESSAGE = _l("Het verzoek bevat tekst met een ongeldig teken (een losse surrogaat).")


def nesting_depth(text: str) -> int:
    """How deep the brackets of a JSON text go, counted outside its strings, without parsing."""
    depth = deepest = 0
    for bracket in BRACKET.finditer(JSON_STRING.sub("", text)):
        depth += 1 if bracket.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def strings_in(value) -> list[str]:
    """Every key and string value of parsed JSON."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in (key, *strings_in(item))]
    if isinstance(value, list):
        return [text for item in value for text in strings_in(item)]
    return []


def json_problem(body: bytes) -> str | None:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return str(UTF8_MESSAGE)
    if nesting_depth(text) > MAX_JSON_DEPTH:
        return str(DEPTH_MESSAGE)
    try:
        strings = strings_in(json.loads(text))
    except ValueError:
        return None  # the API's parser answers broken JSON with its own message
    if any(NUL in string for string in strings):
        return str(NUL_MESSAGE)
    if any(SURROGATE.search(string) for string in strings):
        return str(SURROGATE_MESSAGE)
    return None


def form_problem(free_text: frozenset[str]) -> str | None:
    values = [*request.args.items(multi=True), *request.form.items(multi=True)]
    if any(NUL in key or NUL in value for key, value in values):
        return str(NUL_MESSAGE)
    if any(too_big(value) for key, value in values if key not in free_text):
        return str(NUMBER_MESSAGE)
    return None


def refuse_malformed_input(free_text: frozenset[str]):
    problem = form_problem(free_text)
    if problem is None and request.is_json and request.content_length != 0:
        problem = json_problem(request.get_data(cache=True))
    return error_response(400, problem) if problem else None


def register_input_check(app: Flask) -> None:
    """After the blueprints: their forms' text boxes are known then."""
    free_text = SEARCH_TEXT | text_box_names()
    app.before_request(lambda: refuse_malformed_input(free_text))
