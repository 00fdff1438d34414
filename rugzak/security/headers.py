"""Security headers on every response: a nonce-based CSP, no sniffing, no framing, no caching
of pages behind sign-in, HSTS over HTTPS."""
from __future__ import annotations

import secrets

from flask import Flask, Response, current_app, g, request

from ..urls import origin_of

HSTS = "max-age=31536000; includeSubDomains"
STATIC_ENDPOINT = "static"


def csp_nonce() -> str:
    """This request's nonce; templates give it to any <script> or <style> they carry."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(18)
    return g.csp_nonce


def content_security_policy(nonce: str, form_targets: str = "'self'") -> str:
    """Everything from this origin only; inline code only with the nonce; no plugins. Forms
    go to this origin, and on to the organisation account's sign-out when there is one."""
    return "; ".join((
        "default-src 'self'",
        f"script-src 'self' 'nonce-{nonce}'",
        f"style-src 'self' 'nonce-{nonce}'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        f"form-action {form_targets}",
    ))


def _form_targets() -> str:
    """Signing out (a form) goes on to the provider's end_session_endpoint on the issuer's
    origin (rugzak.sso.client.sign_out_url)."""
    issuer = current_app.config["OIDC_ISSUER"]
    return f"'self' {origin_of(issuer)}" if issuer else "'self'"


def add_security_headers(response: Response) -> Response:
    headers = response.headers
    headers["Content-Security-Policy"] = content_security_policy(csp_nonce(), _form_targets())
    headers["X-Content-Type-Options"] = "nosniff"
    headers["X-Frame-Options"] = "DENY"
    headers.setdefault("Referrer-Policy", "same-origin")  # a page may ask for stricter
    headers["Cross-Origin-Opener-Policy"] = "same-origin"
    headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()"
    if request.is_secure:
        headers["Strict-Transport-Security"] = HSTS
    if request.endpoint != STATIC_ENDPOINT:
        # pages carry personal data and CSRF tokens: never keep them in a cache
        headers["Cache-Control"] = "no-store"
        headers.pop("Expires", None)
    return response


def register_security_headers(app: Flask) -> None:
    app.after_request(add_security_headers)
    app.jinja_env.globals["csp_nonce"] = csp_nonce
