"""Personal API tokens: made on the command line, listed and revoked by their owner and the
administrator, ended by a password change and by deactivation (the caller commits those)."""
from __future__ import annotations

from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import select, update

from ..audit.models import Action
from ..audit.services import record
from ..errors import InvalidInput, NotFound
from ..extensions import db
from ..security.sessions import EndReason
from ..timeutil import utcnow
from .models import ApiToken, User
from .policies import may_administer, require

LABEL_MAX = 100


def may_manage_tokens(actor: User | None, owner: User) -> bool:
    """The owner and the administrator; None is the operator on the server's command line."""
    return actor is None or actor.id == owner.id or may_administer(actor)


def token_or_404(token_id: int, owner: User, actor: User) -> ApiToken:
    """One of `owner`'s tokens, for someone who may manage them."""
    require(may_manage_tokens(actor, owner))
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != owner.id:
        raise NotFound()
    return token


def tokens_of(user: User) -> list[ApiToken]:
    return list(db.session.scalars(select(ApiToken).where(ApiToken.user_id == user.id)
                                   .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())))


def issue_token(actor: User | None, user: User, label: str = "",
                valid_days: int | None = None) -> str:
    """A new token for an active user; the token itself is returned once and never stored."""
    require(may_manage_tokens(actor, user))
    if not user.active:
        raise InvalidInput({"user": _("Heractiveer het account eerst.")})
    if len(label) > LABEL_MAX:
        raise InvalidInput({"label": _("Gebruik hoogstens %(count)d tekens.", count=LABEL_MAX)})
    if valid_days is not None and not 1 <= valid_days <= 3650:
        raise InvalidInput({"valid_days": _("Kies een geldigheid van 1 tot 3650 dagen.")})
    expires_at = utcnow() + timedelta(days=valid_days) if valid_days else None
    row, token = ApiToken.issue(user, label.strip(), expires_at)
    db.session.add(row)
    record(Action.API_TOKEN_CREATED, target=user, actor=actor, detail=row.label)
    db.session.commit()
    return token


def revoke_token(actor: User | None, token: ApiToken) -> None:
    require(may_manage_tokens(actor, token.user))
    if token.ended_at is None:
        token.ended_at = utcnow()
        token.end_reason = EndReason.REVOKED
        record(Action.API_TOKEN_REVOKED, target=token.user, actor=actor, detail=token.label)
        db.session.commit()


def end_tokens(user: User, reason: EndReason) -> None:
    """End every token of `user` for good: reactivation does not bring them back. The caller
    commits."""
    db.session.execute(update(ApiToken)
                       .where(ApiToken.user_id == user.id, ApiToken.ended_at.is_(None))
                       .values(ended_at=utcnow(), end_reason=reason)
                       .execution_options(synchronize_session="fetch"))
