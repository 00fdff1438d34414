"""gunicorn's access log without the secrets that some addresses carry: a feed reader's token
and an unsubscribe token are in the path (feed readers and one-click mail links cannot sign in),
and an organisation account's sign-in returns with a one-time code and state in the query.

Serve with `gunicorn --logger-class rugzak.serving.AccessLogWithoutSecrets ...` (make run does).
"""
from __future__ import annotations

import re

from gunicorn.glogging import Logger

SECRETS_IN_ADDRESSES = re.compile(
    r"(?P<keep>/feeds/|/e-mail/afmelden/)[^/?\s\"]+|(?P<query>[?&](?:code|state)=)[^&\s\"]+")


def without_secrets(text: str) -> str:
    return SECRETS_IN_ADDRESSES.sub(lambda m: (m["keep"] or m["query"]) + "[verborgen]", text)


class AccessLogWithoutSecrets(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for name in ("r", "U", "q", "f"):  # request line, path, query, referrer
            if isinstance(atoms.get(name), str):
                atoms[name] = without_secrets(atoms[name])
        return atoms
