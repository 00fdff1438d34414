"""Absolute URLs for links that leave the page (a one-time link, API answers, exports, mail)."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, has_request_context, url_for

OPEN_PREFIX = "/open"  # the world's pages and open data: no sign-in, no cookies (rugzak/open)


def is_open_path(path: str) -> bool:
    return path == OPEN_PREFIX or path.startswith(OPEN_PREFIX + "/")


def external_url(endpoint: str, **values) -> str:
    """On the configured BASE_URL, never on the Host header a request happened to send; also
    outside a request (the mail sender), where url_for needs a request context to build in."""
    if has_request_context():
        return current_app.config["BASE_URL"] + url_for(endpoint, **values)
    with current_app.test_request_context():
        return current_app.config["BASE_URL"] + url_for(endpoint, **values)


def origin_of(url: str) -> str:
    """scheme://host[:port] of an absolute URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
