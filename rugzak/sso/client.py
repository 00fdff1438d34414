"""The OpenID Connect client (Authlib): discovery through the issuer's
/.well-known/openid-configuration, authorization code flow with PKCE (S256), state and nonce,
and the ID token verified against the issuer's keys (JWKS), issuer and audience.

Imported only where single sign-on is used (provider.init_sso, the views' functions)."""
from __future__ import annotations

import requests
from authlib.common.urls import add_params_to_uri
from authlib.integrations.flask_client import OAuth, OAuthError
from authlib.integrations.flask_client.apps import FlaskOAuth2App
from flask import Flask, current_app
from joserfc.errors import JoseError

from ..urls import external_url, origin_of
from .services import UnknownIssuer

EXTENSION = "authlib.integrations.flask_client"
PROVIDER = "organisatie"
# What a broken, tampered or unreachable provider makes the client raise
TOKEN_ERRORS = (JoseError,)  # joserfc: signature, kid, iss, aud, exp, nonce
PROVIDER_ERRORS = (requests.RequestException,)  # unreachable, an HTTP error, not JSON


def register_provider(app: Flask) -> None:
    oauth = OAuth(app)
    oauth.register(
        PROVIDER, client_id=app.config["OIDC_CLIENT_ID"],
        client_secret=app.config["OIDC_CLIENT_SECRET"],
        server_metadata_url=_issuer(app.config) + "/.well-known/openid-configuration",
        client_kwargs={"scope": app.config["OIDC_SCOPES"], "code_challenge_method": "S256",
                       "timeout": 10})


def _issuer(config) -> str:
    return config["OIDC_ISSUER"].rstrip("/")


def issuer() -> str:
    return _issuer(current_app.config)


def provider() -> FlaskOAuth2App:
    """The configured provider, its discovery document loaded (once per worker) and checked."""
    client = current_app.extensions[EXTENSION].create_client(PROVIDER)
    if client.load_server_metadata().get("issuer", "").rstrip("/") != issuer():
        client.server_metadata.clear()  # read it again next time
        raise UnknownIssuer()
    return client


def start_sign_in(client: FlaskOAuth2App):
    """The redirect to the provider; state, nonce and the PKCE verifier wait in the session."""
    return client.authorize_redirect(external_url("sso.callback"))


def verified_claims(client: FlaskOAuth2App) -> dict:
    """Exchange the code (with the PKCE verifier) and verify the ID token: signature against the
    issuer's keys, issuer, audience, expiry and nonce. Raises OAuthError, TOKEN_ERRORS,
    PROVIDER_ERRORS."""
    token = client.authorize_access_token(claims_options={
        "iss": {"essential": True, "value": client.server_metadata["issuer"]},
        "aud": {"essential": True, "value": current_app.config["OIDC_CLIENT_ID"]}})
    if not token.get("userinfo"):
        raise OAuthError(error="no_id_token", description="no ID token in the answer")
    return dict(token["userinfo"])


def sign_out_url(client: FlaskOAuth2App) -> str | None:
    """The provider's end_session_endpoint, back to the sign-in page afterwards; only on the
    issuer's origin, the one the pages' Content-Security-Policy lets a form go to."""
    endpoint = client.server_metadata.get("end_session_endpoint")
    if not endpoint or origin_of(endpoint) != origin_of(issuer()):
        return None
    return add_params_to_uri(endpoint, [
        ("client_id", current_app.config["OIDC_CLIENT_ID"]),
        ("post_logout_redirect_uri", external_url("auth.login"))])

