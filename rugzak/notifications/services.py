"""Making notifications where things happen, and marking them read.

The services of other features call the `*_happened` functions in their own transaction, before
their commit: a notification exists exactly when its event does. Nobody is notified of their
own action, nor of what they may not see at that moment (and what they may no longer see when
they read it stays hidden then too: notifications/queries.py).

The events read follows and people without flushing the caller's pending changes (a row with a
version counter, flushed half-way and changed again before the commit, would step twice)."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps

from sqlalchemy import event, select, update

from ..agenda.models import AgendaItem
from ..agenda.policies import can_view as can_view_item
from ..auth.models import User
from ..bundles.models import Bundle
from ..bundles.policies import may_read
from ..comments.models import Comment
from ..comments.policies import can_see_comment
from ..experiences.models import Experience
from ..experiences.policies import can_view
from ..extensions import db
from ..follows.models import FollowKind
from ..follows.queries import followers, saved_searches
from ..mail.compose import in_language_of
from ..mail.digests import Rendered, register_source
from ..mail.services import deliver
from ..search.saved import matching
from ..timeutil import utcnow
from ..urls import external_url
from .labels import notification_target, notification_text
from .models import Notification, NotificationKind
from .queries import notifications_of

TO_MAIL = "notifications_to_mail"  # in the session's info until its commit
SOURCE = "notification"  # a digest entry's source (mail/digests.py)


def _event(happened):
    @wraps(happened)
    def without_flushing(*args, **kwargs):
        with db.session.no_autoflush:
            return happened(*args, **kwargs)
    return without_flushing


def experience_published(actor: User | None, experience: Experience) -> None:
    """A newly published experience, for who follows one of its tags, conditions (with or
    without the effect), goals, departments, partners, its author, or a search that finds it.
    The caller changes nothing after this, so the experience may be flushed for its ids."""
    db.session.flush()
    _new_experience(actor, experience)


@_event
def _new_experience(actor: User | None, experience: Experience) -> None:
    searches = saved_searches()
    found = matching(experience, list(searches))
    readers = followers(_followed_in(experience)).union(*(searches[text] for text in found))
    readers.discard(experience.author_id)
    _notify(actor, readers, NotificationKind.NEW_EXPERIENCE, experience)


@_event
def added_to_bundle(actor: User | None, bundle: Bundle, experience: Experience) -> None:
    readers = followers({FollowKind.BUNDLE: [str(bundle.id)]})
    _notify(actor, readers, NotificationKind.NEW_EXPERIENCE, experience, bundle=bundle,
            may_see=lambda reader: may_read(reader, bundle))


@_event
def comment_added(actor: User, comment: Comment, experience: Experience) -> None:
    _notify(actor, _involved(experience), NotificationKind.COMMENT, experience, comment=comment,
            may_see=lambda reader: can_see_comment(reader, comment))


@_event
def experience_highlighted(actor: User, experience: Experience) -> None:
    _notify(actor, _involved(experience), NotificationKind.HIGHLIGHT, experience)


@_event
def experience_recognised(actor: User, experience: Experience) -> None:
    _notify(actor, {experience.author_id}, NotificationKind.RECOGNITION, experience)


@_event
def agenda_item_linked(actor: User, item: AgendaItem, experiences: Iterable[Experience]) -> None:
    """`experiences` were just linked to `item` (a new item, or an edit that added them)."""
    for experience in experiences:
        _notify(actor, _involved(experience), NotificationKind.AGENDA_ITEM, experience,
                agenda_item=item, may_see=lambda reader: can_view_item(reader, item))


@_event
def review_due(readers: set[int], experience: Experience) -> None:
    """For the freshness check: ask `readers` whether `experience` still holds."""
    _notify(None, readers, NotificationKind.REVIEW_REMINDER, experience)


def mark_read(user: User, ids: list[int] | None) -> int:
    """Mark the user's notifications read: those with `ids`, or all when `ids` is None."""
    condition = [Notification.user_id == user.id, Notification.read_at.is_(None)]
    if ids is not None:
        condition.append(Notification.id.in_(ids))
    marked = db.session.execute(update(Notification).where(*condition).values(read_at=utcnow())
                                .execution_options(synchronize_session=False)).rowcount
    db.session.commit()
    return marked


def hand_on(notifications: list[Notification]) -> None:
    """Every new notification is also mailed as its reader chose (now, in a digest, or not;
    rugzak/mail), into the outbox in the event's own transaction: at its commit, when every
    row it made has its id, in the reader's language, from what the reader may see now."""
    db.session.info.setdefault(TO_MAIL, []).extend(notifications)


@event.listens_for(db.session, "before_commit")
def _mail_notifications(session) -> None:
    notifications = session.info.pop(TO_MAIL, [])
    if not notifications:
        return
    session.flush()
    for notification in notifications:
        reader = session.get(User, notification.user_id)
        with in_language_of(reader):
            text = notification_text(notification)
            endpoint, values = notification_target(notification)
            deliver(reader, notification.kind, subject=text, text=text,
                    link=external_url(endpoint, **values), source=f"{SOURCE}:{notification.id}")


def _as_digest_entry(reader: User, notification_id: int) -> Rendered | None:
    """A waiting digest entry as it reads now, or None when the reader may not see it now."""
    notification = db.session.scalar(
        notifications_of(reader).where(Notification.id == notification_id))
    if notification is None:
        return None
    text = notification_text(notification)
    endpoint, values = notification_target(notification)
    return Rendered(subject=text, text=text, link=external_url(endpoint, **values))


register_source(SOURCE, _as_digest_entry)


@event.listens_for(db.session, "after_soft_rollback")
def _forget_notifications(session, previous_transaction) -> None:
    session.info.pop(TO_MAIL, None)


def _followed_in(experience: Experience) -> dict[FollowKind, list[str]]:
    conditions = [c.condition.slug for c in experience.conditions]
    return {
        FollowKind.TAG: [tag.name for tag in experience.tags],
        FollowKind.CONDITION: conditions + [f"{c.condition.slug}:{c.effect}"
                                            for c in experience.conditions],
        FollowKind.GOAL: [goal.slug for goal in experience.goals],
        FollowKind.DEPARTMENT: [department.slug for department in experience.departments],
        FollowKind.PARTNER: [partner.slug for partner in experience.partners],
        FollowKind.AUTHOR: [] if experience.anonymous else [str(experience.author_id)],
    }


def _involved(experience: Experience) -> set[int]:
    """The author of an experience and who follows it."""
    return {experience.author_id} | followers({FollowKind.EXPERIENCE: [str(experience.id)]})


def _notify(actor: User | None, readers: set[int], kind: NotificationKind,
            experience: Experience, may_see: Callable[[User], bool] = lambda reader: True,
            **references) -> None:
    readers = readers - {actor.id} if actor is not None else readers
    if not readers:
        return
    people = db.session.scalars(select(User).where(User.id.in_(readers), User.active.is_(True))
                                .order_by(User.id))
    rows = [Notification(user_id=person.id, kind=kind, experience=experience, **references)
            for person in people if can_view(person, experience) and may_see(person)]
    db.session.add_all(rows)
    hand_on(rows)
