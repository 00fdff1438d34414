"""Absolute URLs for links that leave the page (a one-time link, API answers, exports)."""
from __future__ import annotations

from flask import current_app, url_for

OPEN_PREFIX = "/open"  # the world's pages and open data: no sign-in, no cookies (rugzak/open)


def is_open_path(path: str) -> bool:
    return path == OPEN_PREFIX or path.startswith(OPEN_PREFIX + "/")


def external_url(endpoint: str, **values) -> str:
    """On the configured BASE_URL, never on the Host header a request happened to send."""
    return current_app.config["BASE_URL"] + url_for(endpoint, **values)
