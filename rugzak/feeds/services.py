"""Making, renewing and revoking your feed token; finding the owner of a token."""
from __future__ import annotations

from flask import current_app
from sqlalchemy import delete, select

from ..audit.models import Action
from ..audit.services import record
from ..auth.models import ApiToken, User
from ..errors import NotFound
from ..extensions import db
from .models import FeedToken


def feed_token_of(user: User) -> FeedToken | None:
    return db.session.scalar(select(FeedToken).where(FeedToken.user_id == user.id))


def feed_token_text(user: User) -> str | None:
    """The token in `user`'s feed addresses, or None when they have none."""
    row = feed_token_of(user)
    return row.token(current_app.config["SECRET_KEY"]) if row else None


def make_feed_token(user: User) -> None:
    """Make the person's feed token, or renew it: the old addresses stop working."""
    row = feed_token_of(user) or FeedToken(user_id=user.id)
    row.renew(current_app.config["SECRET_KEY"])
    db.session.add(row)
    record(Action.FEED_TOKEN_MADE, target=user, actor=user)
    db.session.commit()


def revoke_feed_token(user: User) -> None:
    if end_feed_token(user):
        record(Action.FEED_TOKEN_REVOKED, target=user, actor=user)
        db.session.commit()


def end_feed_token(user: User) -> bool:
    """Remove the person's feed token, if any (deactivation too: reactivating does not bring
    it back, as with API tokens). The caller commits; True when there was one."""
    ended = db.session.execute(delete(FeedToken).where(FeedToken.user_id == user.id))
    return ended.rowcount > 0


def feed_owner_or_404(token: str) -> User:
    """The active owner of a working feed token; 404 for any other token."""
    row = db.session.scalar(select(FeedToken)
                            .where(FeedToken.digest == ApiToken.digest_of(token)))
    if row is None or not row.user.active:
        raise NotFound()
    return row.user
