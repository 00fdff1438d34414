"""The outbox: `enqueue` adds a mail to the session of the event that causes it (the caller
commits both at once); `send_due` delivers what is due, from the command line or a worker's
background thread.

Several processes may run `send_due` at the same moment: each first claims rows with one
conditional UPDATE (only rows nobody holds, or whose holder's lease ran out), commits the
claim, and sends only the rows it holds. After the server accepted a mail the row is marked
sent in its own commit. A crash in between — the one window SMTP cannot close — sends that
mail again when the lease runs out, with the same Message-ID (see README, "E-mail").
"""
from __future__ import annotations

import logging
import smtplib
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import or_, select, update

from ..auth.models import User
from ..extensions import db
from ..timeutil import utcnow
from .compose import language_of
from .kinds import PASSWORD_LINK
from .models import OutboxMail, Status
from .smtp import connect, message_of

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=15)  # longer than a batch can take (BATCH × the SMTP timeout)
BATCH = 20  # rows claimed at once
ERROR_MAX = 500
SUBJECT_MAX = 300


@dataclass
class Run:
    sent: int = 0
    retried: int = 0
    failed: int = 0


def enqueue(user: User, kind: str, subject: str, text_body: str, html_body: str,
            unsubscribe_url: str | None = None) -> OutboxMail:
    """Add a mail for `user` to the session; it is sent once the caller commits."""
    mail = OutboxMail(user_id=user.id, address=user.email, language=language_of(user),
                      kind=kind, subject=subject_line(subject), text_body=text_body,
                      html_body=html_body, unsubscribe_url=unsubscribe_url, due_at=utcnow())
    db.session.add(mail)
    return mail


def subject_line(subject: str) -> str:
    """One line (a mail header holds no line breaks) of at most SUBJECT_MAX characters."""
    return " ".join(subject.split())[:SUBJECT_MAX]


def send_pending(now: datetime | None = None) -> Run:
    """Claim and send every mail due at `now`, in batches, until none is left."""
    run = Run()
    while claimed := claim(now or utcnow()):
        _send_claimed(claimed, now or utcnow(), run)
    return run


def claim(now: datetime) -> list[OutboxMail]:
    """Up to BATCH due rows, held by this call alone until the lease runs out."""
    holder = uuid.uuid4().hex
    candidates = select(OutboxMail.id).where(*_due(now)).order_by(OutboxMail.due_at).limit(BATCH)
    ids = list(db.session.scalars(candidates))
    if ids:
        db.session.execute(update(OutboxMail).where(OutboxMail.id.in_(ids), *_due(now))
                           .values(claimed_by=holder, claimed_until=now + LEASE)
                           .execution_options(synchronize_session=False))
    db.session.commit()
    return list(db.session.scalars(select(OutboxMail).where(OutboxMail.claimed_by == holder)
                                   .order_by(OutboxMail.id)))


def _due(now: datetime) -> tuple:
    return (OutboxMail.status == Status.PENDING, OutboxMail.due_at <= now,
            or_(OutboxMail.claimed_until.is_(None), OutboxMail.claimed_until < now))


def _send_claimed(mails: list[OutboxMail], now: datetime, run: Run) -> None:
    try:
        server = connect()
    except (OSError, smtplib.SMTPException) as error:
        for mail in mails:
            _failed_attempt(mail, error, now, run)
        return
    try:
        for mail in mails:
            try:
                server.send_message(message_of(mail))
            except smtplib.SMTPServerDisconnected as error:
                _failed_attempt(mail, error, now, run)
                server = connect()
            except (OSError, smtplib.SMTPException) as error:
                _failed_attempt(mail, error, now, run)
            else:
                _mark_sent(mail, run)
    finally:
        server.close()


def _mark_sent(mail: OutboxMail, run: Run) -> None:
    """A password mail's body holds a usable link: once sent, it is not kept."""
    mail.status, mail.sent_at = Status.SENT, utcnow()
    if mail.kind == PASSWORD_LINK:
        mail.text_body = mail.html_body = ""
    mail.attempts += 1
    mail.claimed_by = mail.claimed_until = None
    db.session.commit()
    run.sent += 1


def _failed_attempt(mail: OutboxMail, error: Exception, now: datetime, run: Run) -> None:
    """Try again later, each time twice as long after (2, 4, 8… minutes), then give up."""
    mail.attempts += 1
    mail.last_error = f"{type(error).__name__}: {error}"[:ERROR_MAX]
    mail.claimed_by = mail.claimed_until = None
    if mail.attempts >= current_app.config["MAIL_MAX_ATTEMPTS"]:
        mail.status = Status.FAILED
        run.failed += 1
    else:
        mail.due_at = now + timedelta(minutes=2 ** mail.attempts)
        run.retried += 1
    db.session.commit()
    log.warning("mail %s not sent (attempt %s): %s", mail.id, mail.attempts, mail.last_error)


def failed_mails() -> list[OutboxMail]:
    return list(db.session.scalars(select(OutboxMail).where(OutboxMail.status == Status.FAILED)
                                   .order_by(OutboxMail.created_at.desc()).limit(50)))
