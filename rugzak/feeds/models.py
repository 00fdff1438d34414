"""One feed token per person: the key in the URL of their Atom feeds."""
from __future__ import annotations

import hashlib
import hmac
import secrets
from base64 import urlsafe_b64encode
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import ApiToken, User
from ..extensions import db
from ..timeutil import UTCDateTime, utcnow


class FeedToken(db.Model):
    """Only the token's SHA-256 digest is looked up (as for API tokens). The token itself is
    an HMAC of a random nonce under the app's secret key, so the app can show its owner the
    feed addresses again, while the database alone gives no working address."""

    __tablename__ = "feed_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), unique=True)
    nonce: Mapped[str] = mapped_column(String(64))
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship()

    def renew(self, secret_key: str) -> None:
        """A new nonce, so a new token; the old one stops working."""
        self.nonce = secrets.token_hex(32)
        self.digest = ApiToken.digest_of(self.token(secret_key))
        self.created_at = utcnow()

    def token(self, secret_key: str) -> str:
        mac = hmac.new(secret_key.encode(), f"feed:{self.user_id}:{self.nonce}".encode(),
                       hashlib.sha256).digest()
        return "rzf_" + urlsafe_b64encode(mac).decode().rstrip("=")
