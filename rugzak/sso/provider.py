"""Single sign-on at start-up: the settings checked, the provider registered when configured."""
from __future__ import annotations

from flask import Flask

from .settings import check_sso_settings, sso_configured


def init_sso(app: Flask) -> None:
    """Authlib (with requests about 17 MB of every worker) is imported only when single sign-on
    is configured: see the views."""
    check_sso_settings(app.config)
    if sso_configured(app.config):
        from .client import register_provider

        register_provider(app)
