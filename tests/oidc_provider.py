"""A real OpenID Connect provider on loopback: the `oidc-provider-mock` package (discovery,
JWKS, authorization code flow, ID tokens signed with its own RSA key) served by werkzeug in a
thread. It signs in whoever's `sub` is typed into its form, with the claims set for that sub.

`Provider.tamper` makes its token endpoint misbehave the way an impostor would:
- "issuer": the ID token is issued under another host name, so its `iss` is another issuer's;
- "key": the ID token is signed again with a key the provider never published;
- "discovery": its discovery document names another issuer (the mock takes it from the Host);
- "nonce": the code is issued for another nonce than the app asked for (a code injected from
  another sign-in), so the ID token carries that nonce.
"""
from __future__ import annotations

import base64
import json
import os
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import oidc_provider_mock
import requests
from joserfc import jwt
from joserfc.jwk import RSAKey
from werkzeug.serving import WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response

# Both ends speak plain HTTP on loopback: Authlib's server side (the provider, in this process)
# and the served app (which inherits this environment) would refuse it otherwise.
os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"
CLIENT_ID = "rugzak"
TOKEN_PATH = "/oauth2/token"
AUTHORIZE_PATH = "/oauth2/authorize"
UNDER_ANOTHER_NAME = {"issuer": TOKEN_PATH, "discovery": "/.well-known/openid-configuration"}


@dataclass
class Provider:
    url: str = ""
    tamper: str | None = None
    impostor_key: RSAKey = field(default_factory=lambda: RSAKey.generate_key(2048))

    def add_user(self, sub: str, **claims) -> None:
        """The claims the provider puts in this person's ID token."""
        answer = requests.put(f"{self.url}/users/{sub}", json=claims, timeout=10)
        assert answer.status_code == 204, answer.text

    def settings(self, **more) -> dict:
        """RUGZAK_* settings for an app that signs in through this provider."""
        return {"OIDC_ISSUER": self.url, "OIDC_CLIENT_ID": CLIENT_ID,
                "OIDC_CLIENT_SECRET": "geheim-van-de-test", "OIDC_ROLE_CLAIM": "groups",
                "OIDC_ROLE_MAP": "rugzak-kernteam=kernteam,rugzak-beheer=beheerder",
                "OIDC_DEPARTMENT_CLAIM": "department", "OIDC_PARTNER_CLAIM": "partner",
                **more}

    def wsgi(self, provider_app):
        def serve(environ, start_response):
            if UNDER_ANOTHER_NAME.get(self.tamper) == environ["PATH_INFO"]:
                environ = {**environ, "HTTP_HOST": "impostor.invalid"}
            if self.tamper == "nonce" and environ["PATH_INFO"] == AUTHORIZE_PATH:
                environ = {**environ, "QUERY_STRING": re.sub(
                    r"nonce=[^&]+", "nonce=van-een-andere-inlogpoging", environ["QUERY_STRING"])}
            response = Response.from_app(provider_app, environ)
            if self.tamper == "key" and Request(environ).path == TOKEN_PATH:
                response.set_data(self._signed_again(response.get_data()))
            return response(environ, start_response)
        return serve

    def _signed_again(self, body: bytes) -> bytes:
        token = json.loads(body)
        header, payload, _signature = token["id_token"].split(".")
        claims = json.loads(_unpadded_b64(payload))
        token["id_token"] = jwt.encode(json.loads(_unpadded_b64(header)), claims,
                                       self.impostor_key)
        return json.dumps(token).encode()


def _unpadded_b64(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


class QuietHandler(WSGIRequestHandler):
    def log_request(self, *_args) -> None:
        """Not every request on the test's output."""


@contextmanager
def running_provider():
    provider = Provider()
    server = make_server("127.0.0.1", 0, provider.wsgi(oidc_provider_mock.app(
        require_nonce=True)), threaded=True,
                         request_handler=QuietHandler)
    provider.url = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    try:
        yield provider
    finally:
        server.shutdown()
        thread.join(5)
        server.server_close()


def authorize(browser: requests.Session, form_url: str, sub: str) -> str:
    """Sign in at the provider's form as `sub`; the redirect back to the app, not followed."""
    answer = browser.post(form_url, data={"sub": sub}, allow_redirects=False, timeout=30)
    assert answer.status_code == 302, answer.text[:1000]
    return answer.headers["Location"]


def start(browser: requests.Session, app_url: str, provider: Provider) -> str:
    """Click "Inloggen met je organisatieaccount": the URL of the provider's form."""
    answer = browser.get(f"{app_url}/inloggen/organisatie", timeout=30)
    assert answer.url.startswith(f"{provider.url}/oauth2/authorize"), answer.text[:1000]
    return answer.url


def query_of(url: str) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}
