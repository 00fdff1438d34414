"""Rugzak: the municipality's knowledge base of collaboration experiences."""
from __future__ import annotations

import os
from pathlib import Path

from flask import Blueprint, Flask

from . import errors, templating
from .auth.guard import register_sign_in_guard
from .config import load_config
from .discovery import defined_in, feature_modules
from .extensions import babel, csrf, db, login_manager, migrate
from .routing import DatabaseIdConverter
from .security import register_security
from .twostep.guard import register_two_step_guard

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATE_DIR = PACKAGE_DIR / "templates"  # in a checkout a link to the top-level templates/
MIGRATIONS_DIR = PACKAGE_DIR / "migrations"


def create_app(config: dict | None = None) -> Flask:
    instance_path = os.environ.get("RUGZAK_INSTANCE_PATH") or None
    if config and config.get("INSTANCE_PATH"):
        instance_path = config["INSTANCE_PATH"]
    app = Flask(__name__, instance_path=instance_path, instance_relative_config=True,
                template_folder=str(TEMPLATE_DIR))
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    load_config(app, config)
    app.url_map.converters["int"] = DatabaseIdConverter
    register_extensions(app)
    register_blueprints(app)
    register_personal_data()
    register_sign_in_guard(app)
    register_two_step_guard(app)
    register_security(app)
    errors.register_error_handlers(app)
    templating.register_template_helpers(app)
    register_commands(app)
    return app


def register_extensions(app: Flask) -> None:
    from .auth.loading import configure_login
    from .i18n.locale import select_locale
    from .mail.sender import init_mail
    from .peers.schedule import init_peer_sync
    from .privacy.retention import init_retention
    from .search.service import init_search
    from .sso.provider import init_sso

    init_sso(app)  # first: its settings are checked before anything starts
    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS_DIR))
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    login_manager.init_app(app)
    configure_login(login_manager)
    init_search(app)
    init_retention(app)
    init_peer_sync(app)
    init_mail(app)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        from .sqlite import configure_sqlite

        with app.app_context():
            configure_sqlite(db.engine, db.session)


def register_blueprints(app: Flask) -> None:
    """Every feature's pages (rugzak/<feature>/views.py), then its API (api.py)."""
    from .api import register_api

    for module in feature_modules("views"):
        for blueprint in defined_in(module, Blueprint):
            app.register_blueprint(blueprint)
    register_api(app)


def register_personal_data() -> None:
    """Importing a feature's personal_data.py adds its download section and erasure step."""
    for _module in feature_modules("personal_data"):
        pass


def register_commands(app: Flask) -> None:
    from .cli import register_cli

    register_cli(app)
