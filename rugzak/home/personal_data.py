"""When a person last visited the home page: in the data download, removed at erasure."""
from __future__ import annotations

from sqlalchemy import delete

from ..auth.models import User
from ..extensions import db
from ..personal_data import personal_data_section, user_erasing
from .models import HomeVisit


@personal_data_section("home_visits", HomeVisit.user_id)
def home_visit(user: User) -> dict | None:
    visit = db.session.get(HomeVisit, user.id)
    return {"last_at": visit.last_at, "previous_at": visit.previous_at} if visit else None


@user_erasing.connect
def forget_home_visit(user: User, **_options) -> None:
    db.session.execute(delete(HomeVisit).where(HomeVisit.user_id == user.id))
