"""Mail use cases: what a person chooses per kind, `deliver` for the features that notify,
and `send_due` for the command line and the background sender."""
from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _
from markupsafe import Markup, escape
from sqlalchemy import select

from ..auth.models import User
from ..errors import InvalidInput
from ..extensions import db
from ..timeutil import utcnow
from .compose import in_language_of, render_mail
from .digests import bundle_due, enqueue_digest_entry
from .kinds import DEFAULTS, DIGESTS, KINDS, Frequency
from .models import MailPreference
from .outbox import Run, enqueue, send_pending
from .smtp import mail_configured
from .unsubscribe import unsubscribe_url


def preferences_of(user: User) -> dict[str, str]:
    """Every kind with the person's choice, or its default."""
    chosen = dict(db.session.execute(select(MailPreference.kind, MailPreference.frequency)
                                     .where(MailPreference.user_id == user.id)).all())
    return {kind: chosen.get(kind, DEFAULTS[kind]) for kind in KINDS}


def set_preferences(user: User, choices: dict[str, str]) -> None:
    """Keep the person's choice per kind (all kinds at once); the caller's user acts."""
    unknown = {kind: _("Kies hoe vaak je deze e-mail wilt krijgen.")
               for kind in KINDS if choices.get(kind) not in set(Frequency)}
    if unknown:
        raise InvalidInput(unknown)
    _keep(user, {kind: choices[kind] for kind in KINDS})
    db.session.commit()


def unsubscribe(user: User, kinds: list[str]) -> None:
    """No more mail of these kinds (RFC 8058 one-click, or the confirm page)."""
    _keep(user, dict.fromkeys(kinds, Frequency.NONE))
    db.session.commit()


def _keep(user: User, choices: dict[str, str]) -> None:
    kept = {row.kind: row for row in db.session.scalars(
        select(MailPreference).where(MailPreference.user_id == user.id))}
    for kind, frequency in choices.items():
        if kind in kept:
            kept[kind].frequency = frequency
        else:
            db.session.add(MailPreference(user_id=user.id, kind=kind, frequency=frequency))


def deliver(user: User, kind: str, subject: str, text: str, html: str | Markup | None = None,
            link: str = "", source: str | None = None) -> None:
    """Mail `user` about an event of `kind` as they chose: now, in a digest, or not at all.

    The caller renders `subject`, `text` and `html` (a fragment; a plain str is escaped) in
    the recipient's language (`compose.in_language_of`), with nothing the recipient may not
    see, and commits: the mail is written in the event's own transaction. Nothing happens
    when mail is not configured or the account is not active. A digest renders an event with
    a `source` again when it goes out (mail/digests.py).
    """
    if not mail_configured() or not user.active:
        return
    frequency = preferences_of(user)[kind]
    if frequency == Frequency.NONE:
        return
    fragment = escape(text if html is None else html)
    if frequency in DIGESTS:
        enqueue_digest_entry(user, kind, frequency, subject, text, fragment, link, utcnow(),
                             source)
        return
    url = unsubscribe_url(user.id, [kind])
    with in_language_of(user):
        text_body, html_body = render_mail("notification", subject=subject, text=text,
                                           html=fragment, link=link, unsubscribe=url)
    enqueue(user, kind, subject, text_body, html_body, url)


def send_due(now: datetime | None = None) -> Run:
    """Bundle the digests that are due, then send every due mail; with what happened."""
    now = now or utcnow()
    bundle_due(now)
    return send_pending(now)
