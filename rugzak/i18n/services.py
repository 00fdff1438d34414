"""Saving a user's language."""
from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..extensions import db
from .locale import LANGUAGES


def set_locale(user: User, locale: str) -> bool:
    """Keep `locale` as the user's language; False when it is not one Rugzak speaks."""
    if locale not in LANGUAGES:
        return False
    user.locale = locale
    record(Action.USER_CHANGED, target=user, detail=f"taal: {locale}")
    db.session.commit()
    return True
