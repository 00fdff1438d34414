"""Throttling counters about a person (failed sign-ins keyed by their address, their request
rate): removed at erasure rather than left to expire."""
from __future__ import annotations

from ..auth.models import User
from ..privacy.erasure import user_erasing
from .throttle import forget_counters_of


@user_erasing.connect
def remove_throttle_counters(user: User, **_options) -> None:
    forget_counters_of(user)
