"""A second, fresh instance next to the test's own: for restores and imports."""
from __future__ import annotations

import uuid

import pytest

from rugzak import create_app

from . import conftest


@pytest.fixture
def fresh_instance(tmp_path, postgres):
    """make(init=False): an empty instance folder, and on PostgreSQL an empty database."""
    made, apps = [], []

    def make(init: bool = False):
        instance = tmp_path / f"fresh-{len(apps)}"
        url = None
        if postgres:
            name = f"fresh_{uuid.uuid4().hex[:12]}"
            postgres.execute(f"CREATE DATABASE {name}")
            made.append(name)
            url = postgres.url(name)
        app = create_app(conftest.test_config(instance, url))
        app.test_client_class = conftest.FormClient
        apps.append(app)
        if init:
            result = app.test_cli_runner().invoke(args=["init"])
            assert result.exit_code == 0, result.output
        return app

    yield make
    for app in apps:
        app.extensions["rugzak.search"].stop()
        with app.app_context():
            from rugzak.extensions import db

            db.engine.dispose()
    for name in made:
        postgres.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
