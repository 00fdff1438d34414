"""Reading follows: a person's own, and who follows what."""
from __future__ import annotations

from collections.abc import Mapping

from flask import g
from sqlalchemy import and_, or_, select

from ..auth.models import User
from ..extensions import db
from .models import Follow, FollowKind


def follows_of(user: User) -> list[Follow]:
    return list(db.session.scalars(select(Follow).where(Follow.user_id == user.id)
                                   .order_by(Follow.kind, Follow.target)))


def find_follow(user: User, kind: str, target: str) -> Follow | None:
    return db.session.scalar(select(Follow).where(
        Follow.user_id == user.id, Follow.kind == kind, Follow.target == target))


def followed_by_me(user: User) -> dict[tuple[str, str], int]:
    """(kind, target) -> follow id for the user, read once per request (the page's buttons)."""
    if "follows_of_user" not in g:
        g.follows_of_user = {(f.kind, f.target): f.id for f in follows_of(user)}
    return g.follows_of_user


def followers(targets: Mapping[FollowKind, list[str]]) -> set[int]:
    """Everyone who follows any of the targets, by kind."""
    wanted = [and_(Follow.kind == kind, Follow.target.in_(values))
              for kind, values in targets.items() if values]
    if not wanted:
        return set()
    return set(db.session.scalars(select(Follow.user_id).where(or_(*wanted)).distinct()))


def saved_searches() -> dict[str, set[int]]:
    """Every saved search (its canonical query string) -> the people who follow it."""
    searches: dict[str, set[int]] = {}
    for user_id, target in db.session.execute(
            select(Follow.user_id, Follow.target).where(Follow.kind == FollowKind.SEARCH)):
        searches.setdefault(target, set()).add(user_id)
    return searches
