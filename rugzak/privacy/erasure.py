"""Erasing a user (AVG right to erasure): their personal data goes, their lessons may stay.

Experiences are kept and then show "oud-medewerker" as author, or are deleted when asked.
Features that keep more about a person connect to `user_erasing` in their own
`personal_data` module; its contract is written down in rugzak/personal_data.py.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import delete, or_, select, update

from ..admin.policies import is_self
from ..audit.models import Action, AuditEvent
from ..audit.services import record
from ..auth.models import ApiToken, User
from ..auth.policies import require
from ..errors import InvalidInput
from ..experiences.models import Experience
from ..extensions import db
from ..personal_data import ERASED_NAME, user_erasing
from ..search.changelog import EXPERIENCE, PURGE, record_changes
from ..security.sessions import UserSession
from ..sqlite import checkpoint
from .policies import may_erase

ERASED_DOMAIN = "gewist.invalid"


@dataclass(frozen=True)
class Erasure:
    user_id: int
    experiences_kept: int
    experiences_deleted: int


def is_erased(user: User) -> bool:
    return user.email.endswith("@" + ERASED_DOMAIN)


def erase_user(actor: User | None, user: User, delete_experiences: bool = False) -> Erasure:
    """Remove the user's personal data and commit; recorded in the audit log. `actor` None is
    the operator on the server's command line; nobody erases themselves."""
    require(may_erase(actor))
    if is_erased(user):
        raise InvalidInput({"user": _("Deze gebruiker is al gewist.")})
    if is_self(actor, user):
        raise InvalidInput({"user": _("Je kunt jezelf niet wissen; vraag een andere "
                                      "beheerder.")})
    experiences = list(db.session.scalars(
        select(Experience).where(Experience.author_id == user.id)))
    user_erasing.send(user, delete_experiences=delete_experiences, actor=actor)
    if delete_experiences:
        for experience in experiences:  # the change-log hook tells the index
            db.session.delete(experience)
    else:  # their author's name changes on every page, export and API answer
        record_changes(db.session, EXPERIENCE, [e.id for e in experiences])
    _forget_identity(user)
    kept, deleted = (0, len(experiences)) if delete_experiences else (len(experiences), 0)
    record(Action.USER_ERASED, target=user, actor=actor,
           detail=f"ervaringen behouden: {kept}, verwijderd: {deleted}")
    record_changes(db.session, PURGE, [0])  # the index drops the old documents' bytes
    db.session.commit()
    checkpoint(db.engine)  # and the WAL its old pages
    return Erasure(user.id, kept, deleted)


def _forget_identity(user: User) -> None:
    user.name = ERASED_NAME
    user.email = f"gewist-{user.id}@{ERASED_DOMAIN}"
    user.password_hash = None
    user.locale = None
    user.active = False
    db.session.execute(delete(ApiToken).where(ApiToken.user_id == user.id))
    db.session.execute(delete(UserSession).where(UserSession.user_id == user.id))
    about_user = or_(AuditEvent.actor_id == user.id,
                     (AuditEvent.object_type == User.__tablename__)
                     & (AuditEvent.object_id == user.id))
    db.session.execute(update(AuditEvent).where(about_user).values(address=None)
                       .execution_options(synchronize_session=False))
