"""The home page: start writing, highlights, news on your own experiences, your drafts,
the newest experiences."""
from flask import Blueprint, render_template
from flask_login import current_user
from sqlalchemy import select

from ..experiences.models import Experience, Status
from ..experiences.policies import not_deleted
from ..experiences.queries import LIST_LOADING, newest_first, visible_experiences
from ..extensions import db
from ..freshness.queries import due_for_author
from .activity import news_for, start_of_news

bp = Blueprint("home", __name__)
NEWEST_COUNT = 6
HIGHLIGHT_COUNT = 6


@bp.get("/")
def index():
    since = start_of_news(current_user)
    highlights = db.session.scalars(
        visible_experiences(current_user).where(Experience.highlighted_at.is_not(None))
        .order_by(Experience.highlighted_at.desc()).limit(HIGHLIGHT_COUNT)).all()
    newest = db.session.scalars(newest_first(visible_experiences(current_user))
                                .limit(NEWEST_COUNT)).all()
    drafts = db.session.scalars(
        select(Experience).where(Experience.author_id == current_user.id,
                                 Experience.status == Status.CONCEPT, not_deleted())
        .options(*LIST_LOADING).order_by(Experience.updated_at.desc())).all()
    return render_template("home/index.html", highlights=highlights,
                           news=news_for(current_user, since), newest=newest, drafts=drafts,
                           reviews=due_for_author(current_user))
