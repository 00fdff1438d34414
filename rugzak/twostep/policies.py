"""Who must use two-step verification, and who has it switched on."""
from __future__ import annotations

from datetime import datetime

from flask import current_app
from sqlalchemy import select

from ..auth.models import User
from ..extensions import db
from .models import TwoStepSecret


def two_step_required(user: User) -> bool:
    """Required for the core team and administrators when REQUIRE_MFA is on."""
    return bool(current_app.config["REQUIRE_MFA"]) and user.is_curator


def secret_of(user: User) -> TwoStepSecret | None:
    return db.session.scalar(select(TwoStepSecret).where(TwoStepSecret.user_id == user.id))


def has_two_step(user: User) -> bool:
    return two_step_since(user) is not None


def two_step_since(user: User) -> datetime | None:
    """When the person switched it on; None while it is off (or its setup unfinished)."""
    row = secret_of(user)
    return row.confirmed_at if row is not None else None
