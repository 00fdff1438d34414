"""Two-step verification in the data download (whether it is on, never the secret or codes),
and gone at erasure."""
from __future__ import annotations

from sqlalchemy import delete

from ..auth.models import User
from ..extensions import db
from ..personal_data import personal_data_section, user_erasing
from .models import RecoveryCode, TwoStepSecret
from .policies import secret_of
from .services import recovery_codes_left


@personal_data_section("two_step", TwoStepSecret.user_id, RecoveryCode.user_id)
def two_step(user: User) -> dict:
    row = secret_of(user)
    switched_on = row.confirmed_at if row is not None else None
    return {"switched_on_at": switched_on,
            "recovery_codes_left": recovery_codes_left(user) if switched_on else 0}


@user_erasing.connect
def forget_two_step(user: User, **_options) -> None:
    db.session.execute(delete(TwoStepSecret).where(TwoStepSecret.user_id == user.id))
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
