"""Security plumbing that touches every request: headers, sessions, throttling."""
from flask import Flask


def register_security(app: Flask) -> None:
    from .headers import register_security_headers
    from .proxy import trust_proxy

    trust_proxy(app)
    register_security_headers(app)
