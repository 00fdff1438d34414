"""Mail about a reflection session to the people invited: the invitation, the cancellation and
the summary. Each is written into the outbox in the transaction of its event (the caller
commits), in the recipient's language, from what the recipient may see; only when mail is
configured. These mails come to whoever is invited, without a choice per kind: they are
about a meeting the person is asked to."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from flask_babel import format_date
from flask_babel import gettext as _

from ..auth.models import User
from ..mail.compose import in_language_of, render_mail
from ..mail.kinds import REFLECTION
from ..mail.outbox import enqueue
from ..mail.smtp import mail_configured
from ..urls import external_url
from .models import ReflectionSession
from .queries import material, summary_context


def invite(actor: User, session: ReflectionSession, people: Iterable[User]) -> None:
    """The invitation: what, when, where, how to prepare, and the session page."""
    for person in _recipients(actor, people):
        with in_language_of(person):
            subject = _("Uitnodiging voor de reflectiesessie „%(title)s” op %(day)s",
                        title=session.title, day=format_date(session.held_on, "long"))
            _send(person, "reflection_invitation", subject, session=session,
                  readings=len(material(person, session)),
                  link=external_url("reflection.show", session_id=session.id))


def cancelled(actor: User, session: ReflectionSession, people: Iterable[User]) -> None:
    for person in _recipients(actor, people):
        with in_language_of(person):
            subject = _("Gaat niet door: de reflectiesessie „%(title)s” op %(day)s",
                        title=session.title, day=format_date(session.held_on, "long"))
            _send(person, "reflection_cancelled", subject, session=session)


class Announced(NamedTuple):
    """A session as the people invited knew it, before a change."""

    title: str
    held_on: date


def uninvited(actor: User, known: Announced, people: Iterable[User]) -> None:
    """Someone taken off the list by a change: the session they knew is not theirs any more."""
    for person in _recipients(actor, people):
        with in_language_of(person):
            subject = _("Niet meer uitgenodigd: de reflectiesessie „%(title)s” op %(day)s",
                        title=known.title, day=format_date(known.held_on, "long"))
            _send(person, "reflection_uninvited", subject, session=known, changed_by=actor)


def summary(session: ReflectionSession) -> None:
    """The summary, to everyone invited (who closed it too), each with their own rights (a
    partner reads nothing internal), with links to the summary page and its PDF."""
    for person in _recipients(None, [session.facilitator, *session.participants]):
        with in_language_of(person):
            subject = _("Verslag van de reflectiesessie „%(title)s”", title=session.title)
            _send(person, "reflection_summary", subject, **summary_context(person, session),
                  link=external_url("reflection.summary", session_id=session.id),
                  pdf=external_url("reflection.summary_pdf", session_id=session.id))


def _recipients(actor: User | None, people: Iterable[User]) -> list[User]:
    """Everyone active but the one who acts, once each; nobody when mail is not configured."""
    if not mail_configured():
        return []
    chosen = {person.id: person for person in people
              if person.active and (actor is None or person.id != actor.id)}
    return list(chosen.values())


def _send(person: User, template: str, subject: str, **context) -> None:
    text, html = render_mail(template, subject=subject, person=person, unsubscribe=None,
                             **context)
    enqueue(person, REFLECTION, subject, text, html)
