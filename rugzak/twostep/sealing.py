"""TOTP secrets at rest: encrypted (Fernet: AES-128-CBC with HMAC-SHA-256) with a key derived
from the instance's SECRET_KEY by HKDF, so a database dump alone does not give them."""
from __future__ import annotations

import base64

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import current_app

PURPOSE = b"rugzak two-step secret"


def _fernet() -> Fernet:
    secret_key = current_app.config["SECRET_KEY"]
    cache = current_app.extensions.setdefault("rugzak.twostep.fernet", {})
    if secret_key not in cache:
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                   info=PURPOSE).derive(secret_key.encode())
        cache[secret_key] = Fernet(base64.urlsafe_b64encode(key))
    return cache[secret_key]


def seal(secret: str) -> str:
    return _fernet().encrypt(secret.encode()).decode()


def unseal(sealed: str) -> str:
    return _fernet().decrypt(sealed.encode()).decode()
