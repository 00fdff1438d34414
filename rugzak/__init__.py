"""Rugzak: the municipality's knowledge base of collaboration experiences."""
from __future__ import annotations

import os
from pathlib import Path

from flask import Flask

from . import errors, templating
from .auth.guard import register_sign_in_guard
from .config import load_config
from .extensions import babel, csrf, db, login_manager, migrate

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
    errors.register_error_handlers(app)
    templating.register_template_helpers(app)
    register_commands(app)
    return app


def register_extensions(app: Flask) -> None:
    from .auth.loading import configure_login
    from .search import changelog  # noqa: F401 - registers the change-log session hooks
    from .search.service import init_search

    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS_DIR))
    csrf.init_app(app)
    babel.init_app(app)
    login_manager.init_app(app)
    configure_login(login_manager)
    init_search(app)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        from .sqlite import configure_sqlite

        with app.app_context():
            configure_sqlite(db.engine)


def register_blueprints(app: Flask) -> None:
    from .api import register_api
    from .audit.views import bp as audit_bp
    from .auth.views import bp as auth_bp
    from .bin.views import bp as bin_bp
    from .experiences.views import bp as experiences_bp
    from .health import bp as health_bp
    from .home.views import bp as home_bp
    from .revisions.views import bp as revisions_bp
    from .search.views import bp as search_bp
    from .transfer.views import bp as transfer_bp

    for blueprint in (audit_bp, auth_bp, bin_bp, experiences_bp, health_bp, home_bp, revisions_bp,
                      search_bp, transfer_bp):
        app.register_blueprint(blueprint)
    register_api(app)


def register_commands(app: Flask) -> None:
    from .cli import register_cli

    register_cli(app)
