"""Security plumbing that touches every request: headers, sessions, throttling, malformed
input."""
from flask import Flask


def register_security(app: Flask) -> None:
    from .headers import register_security_headers
    from .input import register_input_check
    from .proxy import trust_proxy
    from .sessions import SessionCookies
    from .throttle import register_rate_limit

    trust_proxy(app)
    app.session_interface = SessionCookies()
    register_input_check(app)
    register_rate_limit(app)
    register_security_headers(app)
