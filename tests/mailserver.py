"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, for the mail tests."""
from __future__ import annotations

import email
import email.policy
import socket
import threading
import time
from email.message import EmailMessage

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Collector:
    """aiosmtpd handler: keeps every message; answers 451 to the next `refuse` messages."""

    def __init__(self):
        self.messages: list[EmailMessage] = []
        self.refuse = 0
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self._lock:
            if self.refuse:
                self.refuse -= 1
                return "451 4.3.0 Probeer het later opnieuw"
            self.messages.append(email.message_from_bytes(envelope.content,
                                                          policy=email.policy.default))
        return "250 OK"


class MailServer:
    def __init__(self, login: tuple[str, str] | None = None):
        """With `login` (user name, password) the server accepts mail only after AUTH."""
        self.port = _free_port()
        self.collector = Collector()
        self.controller: Controller | None = None
        self.login = login

    def start(self) -> None:
        """Listen (again: a stopped controller cannot start twice)."""
        # plain AUTH without TLS: only on loopback, only in tests
        auth = {"auth_required": True, "auth_require_tls": False,
                "authenticator": self._authenticate} if self.login else {}
        self.controller = Controller(self.collector, hostname="127.0.0.1", port=self.port,
                                     **auth)
        self.controller.start()

    def _authenticate(self, _server, _session, _envelope, _mechanism, data) -> AuthResult:
        given = (data.login.decode(), data.password.decode())
        return AuthResult(success=given == self.login, handled=False)

    def stop(self) -> None:
        if self.controller:
            self.controller.stop()
            self.controller = None

    @property
    def messages(self) -> list[EmailMessage]:
        return self.collector.messages

    @property
    def settings(self) -> dict:
        """The app's settings for this server; sending only when a test asks for it."""
        return {"MAIL_HOST": "127.0.0.1", "MAIL_PORT": self.port,
                "MAIL_FROM": "Rugzak <rugzak@gemeente.example>", "MAIL_POLL_SECONDS": 0}

    def wait_for(self, count: int, seconds: float = 20) -> list[EmailMessage]:
        deadline = time.monotonic() + seconds
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.1)
        return self.messages


def text_of(message: EmailMessage) -> str:
    return message.get_body(("plain",)).get_content()


def html_of(message: EmailMessage) -> str:
    return message.get_body(("html",)).get_content()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
