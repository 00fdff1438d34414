"""Adding, changing and deleting synonym groups; each change is in the audit log."""
from __future__ import annotations

import re

from flask_babel import gettext as _
from sqlalchemy import select

from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..auth.policies import require
from ..errors import InvalidInput
from ..extensions import db
from ..timeutil import utcnow
from .models import SEPARATOR, SynonymGroup
from .policies import may_keep_synonyms
from .queries import synonym_key

MAX_MEMBERS = 12
MAX_WORDS = 5
MAX_LENGTH = 80
_MEMBER = re.compile(r"[^\W_]+(?:[-' ][^\W_]+)*")


def normalised(given: list[str]) -> list[str]:
    """Lower case, spaces evened out, each member once, empty ones left out."""
    unique: dict[str, str] = {}
    for member in (" ".join(text.lower().split()) for text in given):
        if member:
            unique.setdefault(synonym_key(member), member)
    return list(unique.values())


def save_group(actor: User, group: SynonymGroup | None, given: list[str]) -> SynonymGroup:
    """Add (group None) or change a group of words and phrases that search treats as one."""
    require(may_keep_synonyms(actor))
    members = normalised(given)
    _check_members(members, group)
    if group is None:
        group = SynonymGroup(terms=SEPARATOR.join(members), created_by_id=actor.id)
        db.session.add(group)
        detail = f"synoniemen toegevoegd: {' ≈ '.join(members)}"
    else:
        detail = f"synoniemen gewijzigd: {' ≈ '.join(group.members)} → {' ≈ '.join(members)}"
        group.terms = SEPARATOR.join(members)
        group.updated_by_id, group.updated_at = actor.id, utcnow()
    record(Action.TAXONOMY_CHANGED, target=group, actor=actor, detail=detail)
    db.session.commit()
    return group


def delete_group(actor: User, group: SynonymGroup) -> None:
    require(may_keep_synonyms(actor))
    record(Action.TAXONOMY_CHANGED, target=group, actor=actor,
           detail=f"synoniemen verwijderd: {' ≈ '.join(group.members)}")
    db.session.delete(group)
    db.session.commit()


def _check_members(members: list[str], group: SynonymGroup | None) -> None:
    problem = _member_problem(members) or _taken_problem(members, group)
    if problem:
        raise InvalidInput({"members": problem})


def _member_problem(members: list[str]) -> str | None:
    if len(members) < 2:
        return _("Vul ten minste twee verschillende woorden of zinsdelen in, gescheiden door "
                 "komma's.")
    if len(members) > MAX_MEMBERS:
        return _("Een groep heeft hoogstens %(count)d woorden of zinsdelen.", count=MAX_MEMBERS)
    for member in members:
        if not _MEMBER.fullmatch(member):
            return _("„%(term)s” kan niet: gebruik letters, cijfers, koppeltekens en spaties.",
                     term=member)
        if len(member) > MAX_LENGTH or len(member.split()) > MAX_WORDS:
            return _("„%(term)s” is te lang: hoogstens %(words)d woorden en %(count)d tekens.",
                     term=member, words=MAX_WORDS, count=MAX_LENGTH)
    return None


def _taken_problem(members: list[str], group: SynonymGroup | None) -> str | None:
    """A word belongs to one group: search could not tell which others it stands for."""
    others = select(SynonymGroup)
    if group is not None:
        others = others.where(SynonymGroup.id != group.id)
    taken = {synonym_key(member): other for other in db.session.scalars(others)
             for member in other.members}
    for member in members:
        if other := taken.get(synonym_key(member)):
            return _("„%(term)s” staat al in een andere groep (%(group)s); een woord hoort bij "
                     "één groep.", term=member, group=", ".join(other.members))
    return None
