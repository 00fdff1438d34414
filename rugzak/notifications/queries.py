"""Reading a person's notifications with their rights of this moment: what they may not see
now (an `intern` experience for a partner, one deleted or unpublished, a hidden comment, an
agenda item or bundle not shared with them) is neither shown nor counted."""
from __future__ import annotations

from sqlalchemy import Select, func, or_, select

from ..agenda.models import AgendaItem
from ..agenda.policies import visible_items_clause
from ..auth.models import User
from ..bundles.models import Bundle
from ..bundles.policies import readable_clause
from ..comments.models import Comment
from ..comments.policies import visible_comment_clause
from ..experiences.models import Experience
from ..experiences.policies import visible_clause
from ..extensions import db
from .models import Notification


def _visible(query: Select, user: User, unread: bool = False) -> Select:
    query = (query.join(Experience, Experience.id == Notification.experience_id)
             .outerjoin(Comment, Comment.id == Notification.comment_id)
             .outerjoin(AgendaItem, AgendaItem.id == Notification.agenda_item_id)
             .outerjoin(Bundle, Bundle.id == Notification.bundle_id)
             .where(Notification.user_id == user.id, visible_clause(user),
                    or_(Notification.comment_id.is_(None), visible_comment_clause(user)),
                    or_(Notification.agenda_item_id.is_(None), visible_items_clause(user)),
                    or_(Notification.bundle_id.is_(None), readable_clause(user))))
    return query.where(Notification.read_at.is_(None)) if unread else query


def notifications_of(user: User, unread: bool = False) -> Select:
    """Newest first."""
    return _visible(select(Notification), user, unread).order_by(
        Notification.created_at.desc(), Notification.id.desc())


def unread_count(user: User) -> int:
    """A COUNT with the reader's rights of this moment; first a look in the index on (user_id,
    read_at), since most pages are shown to someone with nothing unread."""
    anything = db.session.scalar(select(Notification.id).where(
        Notification.user_id == user.id, Notification.read_at.is_(None)).limit(1))
    if anything is None:
        return 0
    return db.session.scalar(_visible(select(func.count(Notification.id)), user, unread=True))
