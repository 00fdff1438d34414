"""Who may do the curation and administration work, by role (PRODUCT.md, roles), and the
guards that refuse the others."""
from __future__ import annotations

from functools import wraps

from flask_login import current_user

from ..errors import Forbidden
from .models import User
from .roles import Role


def may_curate(user: User) -> bool:
    """Highlight, hide and restore, keep bundles, hide comments: the core team's work."""
    return user.is_authenticated and user.role == Role.KERNTEAM


def may_keep_vocabulary(user: User) -> bool:
    """Tags and transformation goals: the core team and the administrator."""
    return user.is_authenticated and user.role in (Role.KERNTEAM, Role.BEHEERDER)


def may_administer(user: User) -> bool:
    """Users, departments, partner organisations and conditions: the administrator."""
    return user.is_authenticated and user.role == Role.BEHEERDER


def require(allowed: bool) -> None:
    """403 for a signed-in user who may not do this."""
    if not allowed:
        raise Forbidden()


def only_if(permission):
    """A view decorator: `@only_if(may_administer)`."""
    def decorate(view):
        @wraps(view)
        def checked(*args, **kwargs):
            require(permission(current_user))
            return view(*args, **kwargs)
        return checked
    return decorate
