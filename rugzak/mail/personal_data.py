"""A person's mails (the outbox, waiting digest entries) and mail choices, in the data download;
all removed at erasure."""
from __future__ import annotations

from sqlalchemy import delete, select

from ..auth.models import User
from ..extensions import db
from ..personal_data import personal_data_section, user_erasing
from .models import DigestEntry, MailPreference, OutboxMail


@personal_data_section("mail", OutboxMail.user_id, DigestEntry.user_id)
def mails(user: User) -> list[dict]:
    rows = db.session.scalars(select(OutboxMail).where(OutboxMail.user_id == user.id)
                              .order_by(OutboxMail.id))
    waiting = db.session.scalars(select(DigestEntry).where(DigestEntry.user_id == user.id)
                                 .order_by(DigestEntry.id))
    return [{"address": m.address, "kind": m.kind, "subject": m.subject, "text": m.text_body,
             "created_at": m.created_at, "status": m.status, "sent_at": m.sent_at}
            for m in rows] + [{"kind": e.kind, "subject": e.subject, "text": e.text,
                               "created_at": e.created_at, "status": "digest", "sent_at": None}
                              for e in waiting]


@personal_data_section("mail_preferences", MailPreference.user_id)
def mail_preferences(user: User) -> dict:
    return dict(db.session.execute(select(MailPreference.kind, MailPreference.frequency)
                                   .where(MailPreference.user_id == user.id)).all())


@user_erasing.connect
def remove_mails(user: User, **_options) -> None:
    for model in (OutboxMail, DigestEntry, MailPreference):
        db.session.execute(delete(model).where(model.user_id == user.id))
