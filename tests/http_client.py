"""An HTTP client for a served app (tests/servers.py) that behaves like a browser where it
matters for security: it keeps cookies by the rules in Set-Cookie, submits forms with their
CSRF token, and shows redirects instead of following them. A new connection per request, so
gunicorn hands requests to whichever worker is free."""
from __future__ import annotations

import http.client
import json
from dataclasses import dataclass
from email.message import Message
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

from .conftest import CSRF_PATTERN, PASSWORD


@dataclass
class Answer:
    status: int
    headers: Message
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode(errors="replace")

    def json(self):
        return json.loads(self.body)

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")


class Visitor:
    def __init__(self, base_url: str, headers: dict[str, str] | None = None):
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.headers = dict(headers or {})  # sent with every request, e.g. X-Forwarded-Proto
        self.cookies: dict[str, str] = {}
        self.set_cookies: list[SimpleCookie] = []  # every Set-Cookie seen, for its attributes

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> Answer:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        sent = {**self.headers, **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            answer = Answer(response.status, response.msg, response.read())
        finally:
            connection.close()
        self._keep_cookies(answer.headers.get_all("Set-Cookie") or [])
        return answer

    def _keep_cookies(self, headers: list[str]) -> None:
        for header in headers:
            cookie = SimpleCookie(header)
            self.set_cookies.append(cookie)
            for name, morsel in cookie.items():
                if morsel.value and morsel["max-age"] != "0" and not _expired(morsel):
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)

    def get(self, path: str, **headers: str) -> Answer:
        return self.request("GET", path, headers=headers)

    def post(self, path: str, data: dict, page: str | None = None) -> Answer:
        """Posted from `page` (a browser names it in Referer; Flask-WTF wants it over HTTPS)."""
        scheme = self.headers.get("X-Forwarded-Proto", "http")
        return self.request("POST", path, urlencode(data).encode(), {
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"{scheme}://{self.host}:{self.port}{page or path}"})

    def api(self, method: str, path: str, payload: dict | None = None,
            headers: dict[str, str] | None = None) -> Answer:
        """A JSON request; `headers` such as {"Authorization": "Bearer …"}."""
        body = json.dumps(payload).encode() if payload is not None else None
        return self.request(method, path, body, {"Content-Type": "application/json",
                                                 **(headers or {})})

    def csrf_token(self, page: str) -> str:
        answer = self.get(page)
        match = CSRF_PATTERN.search(answer.text)
        assert match, f"no CSRF token on {page} ({answer.status})"
        return next(group for group in match.groups() if group)

    def submit(self, path: str, data: dict | None = None, page: str | None = None) -> Answer:
        """Post a form the way a browser does: with the token from the page it is on."""
        page = page or path
        return self.post(path, {"csrf_token": self.csrf_token(page), **(data or {})}, page)

    def sign_in(self, email: str, password: str = PASSWORD) -> Answer:
        return self.submit("/inloggen", {"email": email, "password": password})

    def sign_out(self) -> Answer:
        return self.submit("/uitloggen", page="/")


def _expired(morsel) -> bool:
    return "1970" in morsel["expires"]
