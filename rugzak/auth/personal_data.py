"""The account itself and its API tokens, in the data download."""
from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from ..personal_data import personal_data_section
from .models import ApiToken, User


@personal_data_section("account")
def account(user: User) -> dict:
    return {"id": user.id, "email": user.email, "name": user.name, "role": user.role,
            "department": user.department.name if user.department else None,
            "partner": user.partner.name if user.partner else None,
            "locale": user.locale, "active": user.active, "created_at": user.created_at}


@personal_data_section("api_tokens", ApiToken.user_id)
def api_tokens(user: User) -> list[dict]:
    rows = db.session.scalars(select(ApiToken).where(ApiToken.user_id == user.id)
                              .order_by(ApiToken.id))
    return [{"label": t.label, "created_at": t.created_at, "expires_at": t.expires_at,
             "last_used_at": t.last_used_at, "ended_at": t.ended_at,
             "end_reason": t.end_reason} for t in rows]
