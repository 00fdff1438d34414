"""Absolute URLs for links that leave the page (a one-time link, API answers, exports)."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, url_for


def external_url(endpoint: str, **values) -> str:
    """On the configured BASE_URL, never on the Host header a request happened to send."""
    return current_app.config["BASE_URL"] + url_for(endpoint, **values)


def origin_of(url: str) -> str:
    """scheme://host[:port] of an absolute URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
