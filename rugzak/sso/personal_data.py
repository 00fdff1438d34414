"""The organisation accounts linked to a person, in the data download; unlinked at erasure,
so a later sign-in with that organisation account finds no erased account to resume."""
from __future__ import annotations

from sqlalchemy import delete, select

from ..auth.models import User
from ..extensions import db
from ..personal_data import personal_data_section, user_erasing
from .models import OidcIdentity


@personal_data_section("organisation_accounts", OidcIdentity.user_id)
def organisation_accounts(user: User) -> list[dict]:
    rows = db.session.scalars(select(OidcIdentity).where(OidcIdentity.user_id == user.id)
                              .order_by(OidcIdentity.id))
    return [{"issuer": row.issuer, "subject": row.subject, "created_at": row.created_at,
             "last_sign_in_at": row.last_sign_in_at} for row in rows]


@user_erasing.connect
def unlink_organisation_accounts(user: User, **_options) -> None:
    db.session.execute(delete(OidcIdentity).where(OidcIdentity.user_id == user.id))
