"""What happened on a user's own experiences since their last visit: recognitions, comments,
highlights by the core team."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from ..auth.models import User
from ..comments.models import Comment
from ..comments.policies import visible_comment_clause
from ..experiences.models import Experience
from ..extensions import db
from ..recognition.models import Recognition
from ..timeutil import utcnow
from .models import HomeVisit

# Page views closer together than this belong to one visit: reloading keeps the news.
VISIT_GAP = timedelta(hours=1)
FIRST_VISIT_WINDOW = timedelta(days=30)
LIMIT = 20


@dataclass
class Activity:
    kind: str  # "herkenbaar", "reactie" or "uitgelicht"
    at: datetime
    who: str
    experience: Experience


def start_of_news(user: User) -> datetime:
    """Record this visit; news is what happened since the previous visit ended."""
    now = utcnow()
    visit = db.session.get(HomeVisit, user.id)
    if visit is None:
        visit = HomeVisit(user_id=user.id, last_at=now)
        db.session.add(visit)
    elif now - visit.last_at > VISIT_GAP:
        visit.previous_at = visit.last_at
    visit.last_at = now
    since = visit.previous_at or now - FIRST_VISIT_WINDOW
    db.session.commit()
    return since


def news_for(user: User, since: datetime) -> list[Activity]:
    mine = Experience.author_id == user.id
    recognitions = db.session.execute(
        select(Recognition, Experience).join(Experience)
        .where(mine, Recognition.created_at > since, Recognition.user_id != user.id)
        .order_by(Recognition.created_at.desc()).limit(LIMIT)).all()
    comments = db.session.execute(
        select(Comment, Experience).join(Experience)
        .where(mine, Comment.created_at > since, Comment.author_id != user.id,
               visible_comment_clause(user))
        .order_by(Comment.created_at.desc()).limit(LIMIT)).all()
    highlighted = db.session.scalars(
        select(Experience).where(mine, Experience.highlighted_at > since)).all()
    items = [Activity("herkenbaar", r.created_at, r.user.name, e) for r, e in recognitions]
    items += [Activity("reactie", c.created_at, c.author.name, e) for c, e in comments]
    items += [Activity("uitgelicht", e.highlighted_at, "", e) for e in highlighted]
    return sorted(items, key=lambda item: item.at, reverse=True)[:LIMIT]
