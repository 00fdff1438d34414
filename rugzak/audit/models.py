"""Audit events. Never store passwords, tokens or the text of experiences here."""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import User
from ..extensions import db
from ..timeutil import UTCDateTime, utcnow


class Action(StrEnum):
    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_OUT = "sign_out"
    USER_CREATED = "user_created"
    USER_CHANGED = "user_changed"
    USER_DEACTIVATED = "user_deactivated"
    USER_REACTIVATED = "user_reactivated"
    PASSWORD_CHANGED = "password_changed"
    PASSWORD_LINK_CREATED = "password_link_created"
    PASSWORD_LINK_MAILED = "password_link_mailed"
    PASSWORD_RESET_REQUESTED = "password_reset_requested"
    API_TOKEN_CREATED = "api_token_created"
    API_TOKEN_REVOKED = "api_token_revoked"
    FEED_TOKEN_MADE = "feed_token_made"
    FEED_TOKEN_REVOKED = "feed_token_revoked"
    EXPERIENCE_CONFIRMED = "experience_confirmed"
    EXPERIENCE_MADE_HISTORICAL = "experience_made_historical"
    USER_ERASED = "user_erased"
    EXPERIENCE_HIGHLIGHTED = "experience_highlighted"
    EXPERIENCE_UNHIGHLIGHTED = "experience_unhighlighted"
    EXPERIENCE_HIDDEN = "experience_hidden"
    EXPERIENCE_UNHIDDEN = "experience_unhidden"
    EXPERIENCE_DELETED = "experience_deleted"
    EXPERIENCE_UNDELETED = "experience_undeleted"
    REVISION_RESTORED = "revision_restored"
    COMMENT_HIDDEN = "comment_hidden"
    COMMENT_UNHIDDEN = "comment_unhidden"
    TAXONOMY_CHANGED = "taxonomy_changed"
    EXPORT = "export"
    IMPORT = "import"
    BACKUP = "backup"
    RESTORE = "restore"
    PERSONAL_DATA_DOWNLOADED = "personal_data_downloaded"
    PRIVACY_FINDING_CONFIRMED = "privacy_finding_confirmed"
    DATE_CORRECTED = "date_corrected"
    TWO_STEP_ENABLED = "two_step_enabled"
    TWO_STEP_DISABLED = "two_step_disabled"
    RECOVERY_CODES_RENEWED = "recovery_codes_renewed"
    REFLECTION_PLANNED = "reflection_planned"
    REFLECTION_CLOSED = "reflection_closed"
    REFLECTION_CHANGED = "reflection_changed"
    REFLECTION_CANCELLED = "reflection_cancelled"
    OPEN_PUBLISHED = "open_published"  # shared openly with the world (rugzak/open)
    OPEN_WITHDRAWN = "open_withdrawn"
    PEER_ADDED = "peer_added"  # another municipality's Rugzak followed (rugzak/peers)
    PEER_REMOVED = "peer_removed"
    # refusals (rugzak/audit/refusals.py), counted per actor or address, route and minute
    REFUSED_SIGN_IN = "refused_sign_in"  # 401: no session, bad or missing API token
    REFUSED_FORBIDDEN = "refused_forbidden"  # 403
    REFUSED_NOT_FOUND = "refused_not_found"  # 404: missing or not visible, never told apart
    REFUSED_CSRF = "refused_csrf"  # a form without a valid CSRF token
    REFUSED_RATE = "refused_rate"  # 429: over a rate limit
    REFUSED_SSO = "refused_sso"  # an organisation-account sign-in that failed its checks


class Outcome(StrEnum):
    SUCCESS = "success"
    DENIED = "denied"
    FAILED = "failed"


class AuditEvent(db.Model):
    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    outcome: Mapped[str] = mapped_column(String(10), default=Outcome.SUCCESS)
    object_type: Mapped[str | None] = mapped_column(String(40))
    object_id: Mapped[int | None] = mapped_column(Integer)
    address: Mapped[str | None] = mapped_column(String(45))
    detail: Mapped[str] = mapped_column(String(500), default="")
    times: Mapped[int] = mapped_column(default=1, server_default="1")  # a refusal's repeats

    actor: Mapped[User | None] = relationship()
