"""The home page: start writing, the newest experiences, your drafts."""
from flask import Blueprint, render_template
from flask_login import current_user
from sqlalchemy import select

from ..experiences.models import Experience, Status
from ..experiences.queries import LIST_LOADING, newest_first, visible_experiences
from ..experiences.visibility import not_deleted
from ..extensions import db

bp = Blueprint("home", __name__)
NEWEST_COUNT = 6


@bp.get("/")
def index():
    newest = db.session.scalars(newest_first(visible_experiences(current_user))
                                .limit(NEWEST_COUNT)).all()
    drafts = db.session.scalars(
        select(Experience).where(Experience.author_id == current_user.id,
                                 Experience.status == Status.CONCEPT, not_deleted())
        .options(*LIST_LOADING).order_by(Experience.updated_at.desc())).all()
    return render_template("home/index.html", newest=newest, drafts=drafts)
