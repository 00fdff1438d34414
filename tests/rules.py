"""Shared helpers for the tests that walk one rule through both doors, in both languages."""
from __future__ import annotations

import html

LANGUAGES = ("nl", "en")
FORBIDDEN = {"nl": "Je hebt geen toestemming voor deze pagina of handeling.",
             "en": "You are not allowed to see this page or do this."}
NOT_FOUND = {"nl": "Deze pagina bestaat niet, of je hebt er geen toegang toe.",
             "en": "This page does not exist, or you have no access to it."}


def speaking(language: str) -> dict:
    return {"Accept-Language": language}


def text(response) -> str:
    """A page's HTML with entities resolved, to look for a message in it."""
    return html.unescape(response.get_data(as_text=True))


def flashed(client, response, language: str) -> str:
    """A button answers with a redirect; its message is on the page it leads to."""
    assert response.status_code == 302, text(response)
    return text(client.get(response.headers["Location"], headers=speaking(language)))
