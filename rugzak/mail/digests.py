"""Daily and weekly digests: events wait as entries until their period ends; then each
person gets one mail with everything due for them at that moment.

An entry with a `source` is rendered again when its digest goes out, by the feature that
registered that source (`register_source`): it then says what the reader may see at that
moment, or is left out (an experience made `intern` since, a hidden comment).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import ngettext
from markupsafe import Markup, escape
from sqlalchemy import delete, select

from ..auth.models import User
from ..extensions import db
from .compose import in_language_of, render_mail
from .kinds import DIGEST, Frequency
from .models import DigestEntry
from .outbox import enqueue, subject_line
from .unsubscribe import unsubscribe_url


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    link: str

    @property
    def html(self) -> Markup:
        return escape(self.text)


Render = Callable[[User, int], Rendered | None]
SOURCES: dict[str, Render] = {}


def register_source(name: str, render: Render) -> None:
    """`render(reader, id)` says what the entry of source "<name>:<id>" is now, or None when
    the reader may no longer see it; called in the reader's language."""
    SOURCES[name] = render


def period_end(frequency: str, now: datetime) -> datetime:
    """The next MAIL_DAILY_HOUR local time (weekly: on a Monday) after `now`."""
    config = current_app.config
    zone = ZoneInfo(config["BABEL_DEFAULT_TIMEZONE"])
    local = now.astimezone(zone)
    end = datetime.combine(local.date(), time(config["MAIL_DAILY_HOUR"]), zone)
    if end <= local:
        end += timedelta(days=1)
    if frequency == Frequency.WEEKLY:
        end += timedelta(days=(7 - end.weekday()) % 7)
    return end.astimezone(now.tzinfo)


def enqueue_digest_entry(user: User, kind: str, frequency: str, subject: str, text: str,
                         html: Markup, link: str, now: datetime,
                         source: str | None = None) -> DigestEntry:
    """Keep an event for the digest of `frequency` (daily, weekly); the caller commits. Called
    by `services.deliver`, which knows the person's choice."""
    entry = DigestEntry(user_id=user.id, kind=kind, frequency=frequency,
                        subject=subject_line(subject), text=text, html=str(html), link=link,
                        source=source, created_at=now, due_at=period_end(frequency, now))
    db.session.add(entry)
    return entry


def bundle_due(now: datetime) -> int:
    """Turn every person's due entries into one outbox mail each; the number of mails."""
    people = db.session.scalars(select(DigestEntry.user_id).where(DigestEntry.due_at <= now)
                                .distinct()).all()
    return sum(_bundle_for(db.session.get(User, user_id), now) for user_id in people)


def _bundle_for(user: User, now: datetime) -> int:
    """One mail (none for an account deactivated since); 0 when another process bundled these
    entries first (it sends them)."""
    entries = db.session.scalars(select(DigestEntry).where(
        DigestEntry.user_id == user.id, DigestEntry.due_at <= now)
        .order_by(DigestEntry.created_at, DigestEntry.id)).all()
    if not entries:
        return 0
    mailed = user.active and _enqueue_digest(user, entries)
    removed = db.session.execute(delete(DigestEntry).where(
        DigestEntry.id.in_([entry.id for entry in entries]))
        .execution_options(synchronize_session=False)).rowcount
    if removed != len(entries):
        db.session.rollback()
        return 0
    db.session.commit()
    return int(mailed)


def _enqueue_digest(user: User, entries: list[DigestEntry]) -> bool:
    """False when nothing of the entries may be shown to the person any more."""
    with in_language_of(user):
        shown = [now for entry in entries if (now := _current(user, entry)) is not None]
        if not shown:
            return False
        url = unsubscribe_url(user.id, [entry.kind for entry in entries])
        subject = ngettext("Rugzak: %(num)d bericht voor jou",
                           "Rugzak: %(num)d berichten voor jou", len(shown))
        text, html = render_mail("digest", subject=subject, user=user, entries=shown,
                                 unsubscribe=url)
    enqueue(user, DIGEST, subject, text, html, url)
    return True


def _current(user: User, entry: DigestEntry) -> DigestEntry | Rendered | None:
    if entry.source is None:
        return entry
    name, _, ident = entry.source.partition(":")
    return SOURCES[name](user, int(ident))
