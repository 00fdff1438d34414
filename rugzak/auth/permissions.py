"""Who may do the curation and administration work (PRODUCT.md, roles)."""
from __future__ import annotations

from functools import wraps

from flask import abort
from flask_login import current_user

from ..taxonomy.models import Goal
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


def may_keep_list(user: User, model) -> bool:
    """Goals are vocabulary; conditions, departments and partners are the administrator's."""
    return may_keep_vocabulary(user) if model is Goal else may_administer(user)


def require(allowed: bool) -> None:
    """403 for a signed-in user who may not do this."""
    if not allowed:
        abort(403)


def only_if(permission):
    """A view decorator: `@only_if(may_administer)`."""
    def decorate(view):
        @wraps(view)
        def checked(*args, **kwargs):
            require(permission(current_user))
            return view(*args, **kwargs)
        return checked
    return decorate
