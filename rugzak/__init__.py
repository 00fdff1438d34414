"""Rugzak: the municipality's knowledge base of collaboration experiences."""
from __future__ import annotations

import os
from importlib import import_module
from pathlib import Path

from flask import Flask

from . import errors, templating
from .auth.guard import register_sign_in_guard
from .config import load_config
from .extensions import babel, csrf, db, login_manager, migrate
from .security import register_security

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATE_DIR = PACKAGE_DIR.parent / "templates"
MIGRATIONS_DIR = PACKAGE_DIR / "migrations"


def create_app(config: dict | None = None) -> Flask:
    instance_path = os.environ.get("RUGZAK_INSTANCE_PATH") or None
    if config and config.get("INSTANCE_PATH"):
        instance_path = config["INSTANCE_PATH"]
    app = Flask(__name__, instance_path=instance_path, instance_relative_config=True,
                template_folder=str(TEMPLATE_DIR))
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    load_config(app, config)
    register_extensions(app)
    register_blueprints(app)
    register_sign_in_guard(app)
    register_security(app)
    errors.register_error_handlers(app)
    templating.register_template_helpers(app)
    register_commands(app)
    return app


def register_extensions(app: Flask) -> None:
    from .auth.loading import configure_login
    from .i18n.locale import select_locale
    from .privacy import contributors  # noqa: F401 - each feature's personal data
    from .search.service import init_search

    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS_DIR))
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    login_manager.init_app(app)
    configure_login(login_manager)
    init_search(app)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        from .sqlite import configure_sqlite

        with app.app_context():
            configure_sqlite(db.engine)


def register_blueprints(app: Flask) -> None:
    from .api import register_api

    for module in BLUEPRINT_MODULES:
        app.register_blueprint(import_module(f"rugzak.{module}").bp)
    register_api(app)


# One line per feature, alphabetical, so that parallel branches rarely touch the same line.
BLUEPRINT_MODULES = (
    "accessibility.views",
    "account.views",
    "admin.set_password",
    "admin.views",
    "agenda.views",
    "audit.views",
    "auth.views",
    "bin.views",
    "bundles.views",
    "comments.views",
    "curation.views",
    "experiences.views",
    "guide.views",
    "health",
    "home.views",
    "i18n.views",
    "insight.views",
    "privacy.views",
    "recognition.views",
    "reports.views",
    "revisions.views",
    "search.views",
    "transfer.views",
)


def register_commands(app: Flask) -> None:
    from .cli import register_cli

    register_cli(app)
