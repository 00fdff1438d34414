"""Following and unfollowing; the pages and the API both call these."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from ..auth.models import User
from ..bundles.models import Bundle
from ..bundles.policies import may_read
from ..errors import InvalidInput
from ..experiences.models import Effect, Experience, Status
from ..experiences.policies import can_view, visible_clause
from ..extensions import db
from ..numbers import database_int
from ..search.engine import search
from ..search.saved import is_empty, saved_form, search_params
from ..taxonomy.models import Condition, Department, Goal, Partner, Tag
from ..text import normalise_tag
from .models import TARGET_MAX, Follow, FollowKind
from .queries import find_follow

SLUGGED = {FollowKind.GOAL: Goal, FollowKind.DEPARTMENT: Department,
           FollowKind.PARTNER: Partner, FollowKind.CONDITION: Condition}


def follow(user: User, kind: str, target: str) -> Follow:
    """Follow `target`; following what one already follows changes nothing."""
    canonical = canonical_target(user, kind, target)
    existing = find_follow(user, kind, canonical)
    if existing is not None:
        return existing
    row = Follow(user_id=user.id, kind=kind, target=canonical)
    db.session.add(row)
    try:
        db.session.commit()
    except IntegrityError:  # the same follow, twice at the same moment
        db.session.rollback()
        return find_follow(user, kind, canonical)
    return row


def unfollow(user: User, follow_row: Follow) -> None:
    if follow_row.user_id == user.id:
        db.session.delete(follow_row)
        db.session.commit()


def tag_renamed(old: str, new: str) -> None:
    """Who followed a renamed (or merged-away) tag follows it under its new name. No commit:
    this is part of the caller's change."""
    tag = (Follow.kind == FollowKind.TAG)
    following_new = select(Follow.user_id).where(tag, Follow.target == new)
    db.session.execute(delete(Follow).where(tag, Follow.target == old,
                                            Follow.user_id.in_(following_new))
                       .execution_options(synchronize_session=False))
    db.session.execute(update(Follow).where(tag, Follow.target == old).values(target=new)
                       .execution_options(synchronize_session=False))


def canonical_target(user: User, kind: str, target: str) -> str:
    """The stored form of what `user` asks to follow; InvalidInput (Dutch) for an unknown kind
    or a target that does not exist or that the user may not see."""
    if kind not in set(FollowKind):
        raise InvalidInput({"kind": _("Kies wat je wilt volgen: een trefwoord, randvoorwaarde, "
                                      "doel, afdeling, partner, bundel, auteur, ervaring of "
                                      "zoekopdracht.")})
    target = (target or "").strip()
    if not target:
        raise InvalidInput({"target": _("Zeg wat je wilt volgen.")})
    if len(target) > TARGET_MAX:
        raise InvalidInput({"target": _("Gebruik hoogstens %(count)d tekens.", count=TARGET_MAX)})
    canonical = _CANONICAL[kind](user, kind, target)
    if canonical is None:
        raise InvalidInput({"target": _("Dit kun je niet volgen: %(target)s.", target=target)})
    return canonical


def _tag(user: User, kind: str, target: str) -> str | None:
    name = normalise_tag(target)
    return name if db.session.scalar(select(Tag.id).where(Tag.name == name)) else None


def _slug(user: User, kind: str, target: str) -> str | None:
    slug, _sep, effect = target.partition(":")
    if effect and (kind != FollowKind.CONDITION or effect not in set(Effect)):
        return None
    model = SLUGGED[kind]
    return target if db.session.scalar(select(model.id).where(model.slug == slug)) else None


def _row(model, check):
    def canonical(user: User, kind: str, target: str) -> str | None:
        number = database_int(target)
        row = db.session.get(model, number) if number is not None else None
        return str(row.id) if row is not None and check(user, row) else None
    return canonical


def _search(user: User, kind: str, target: str) -> str:
    params = search_params(target)
    if is_empty(params):
        raise InvalidInput({"target": _("Een zoekopdracht volgen kan met zoekwoorden of "
                                        "filters.")})
    try:
        search(user, params, per_page=1)  # refuses what /zoeken refuses
    except InvalidInput as refusal:
        raise InvalidInput({"target": " ".join(refusal.errors.values())}) from None
    return saved_form(params)


def _shows_authorship(user: User, person: User) -> bool:
    """Only someone whose name `user` sees on an experience: following never reveals who
    else has an account, or who wrote an anonymous experience."""
    return db.session.scalar(select(Experience.id).where(
        Experience.author_id == person.id, Experience.anonymous.is_(False),
        Experience.status == Status.GEPUBLICEERD, visible_clause(user)).limit(1)) is not None


_CANONICAL = {
    FollowKind.TAG: _tag,
    FollowKind.CONDITION: _slug, FollowKind.GOAL: _slug, FollowKind.DEPARTMENT: _slug,
    FollowKind.PARTNER: _slug,
    FollowKind.BUNDLE: _row(Bundle, may_read),
    FollowKind.AUTHOR: _row(User, lambda user, person: _shows_authorship(user, person)),
    FollowKind.EXPERIENCE: _row(Experience, lambda user, experience: can_view(user, experience)
                                and experience.is_published),
    FollowKind.SEARCH: _search,
}
