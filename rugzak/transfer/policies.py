"""Who may import experiences from a spreadsheet."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from ..auth.models import User
from ..auth.roles import Role
from ..errors import Forbidden

IMPORT_REFUSED = _l("Alleen de beheerder kan ervaringen importeren.")


def may_import(user: User) -> bool:
    return user.is_authenticated and user.role == Role.BEHEERDER


def ensure_may_import(actor: User | None) -> None:
    """The beheerder, or (actor None) the operator on the server's command line."""
    if actor is not None and not may_import(actor):
        raise Forbidden(IMPORT_REFUSED)
