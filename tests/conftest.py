"""flaskr-style fixtures: a fresh instance per test, a client that sends CSRF tokens."""
from __future__ import annotations

import os
import re
import shutil
import uuid
from dataclasses import dataclass
from datetime import date

import pytest
from flask.testing import FlaskClient

from rugzak import create_app
from rugzak.admin.services import create_user
from rugzak.auth.models import ApiToken, User
from rugzak.experiences.services import ExperienceInput, create_experience
from rugzak.extensions import db
from rugzak.taxonomy.models import Partner

from .mailserver import MailServer
from .postgres import Cluster

PASSWORD = "een lang genoeg wachtwoord"
FAST_ARGON2 = {"ARGON2_TIME_COST": 1, "ARGON2_MEMORY_COST": 1024, "ARGON2_PARALLELISM": 1}
CSRF_PATTERN = re.compile(r'name="csrf-token" content="([^"]+)"|name="csrf_token" '
                          r'type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')


POSTGRES = pytest.StashKey[Cluster | None]()


def worker_database(name: str) -> str:
    """A database name of this pytest-xdist worker's own: the workers share one cluster."""
    return f"{name}_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"


def test_config(instance, database_url: str | None = None) -> dict:
    config = {"TESTING": True, "INSTANCE_PATH": str(instance), "SECRET_KEY": "test",
              "BASE_URL": "http://localhost", "RETENTION_CHECK_MINUTES": 0, "PEER_SYNC_MINUTES": 0,
              "SEARCH_LOG_FLUSH_SECONDS": 0,  # written at once: tests read it right after
              **FAST_ARGON2}
    if database_url:
        config["SQLALCHEMY_DATABASE_URI"] = database_url
    return config


def _migrate(instance, database_url: str | None = None) -> None:
    app = create_app(test_config(instance, database_url))
    with app.app_context():
        app.test_cli_runner().invoke(args=["init"], catch_exceptions=False)
        db.session.remove()  # a connection still checked out would keep the WAL from the copy
        db.engine.dispose()


def pytest_configure(config):
    """With RUGZAK_TEST_POSTGRES=1 the whole suite runs against a real PostgreSQL server: one
    throwaway cluster, started here once (by pytest-xdist's controller, not by each worker)."""
    cluster = None
    if os.environ.get("RUGZAK_TEST_POSTGRES") == "1":
        worker = getattr(config, "workerinput", None)
        cluster = Cluster(*worker["postgres"]) if worker else Cluster.start()
    config.stash[POSTGRES] = cluster


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    if cluster := node.config.stash[POSTGRES]:
        node.workerinput["postgres"] = (cluster.port, cluster.user)


def pytest_unconfigure(config):
    cluster = config.stash.get(POSTGRES, None)
    if cluster and cluster.folder:
        cluster.stop()


@pytest.fixture(scope="session")
def postgres(pytestconfig):
    return pytestconfig.stash[POSTGRES]


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory, postgres):
    """Run the migrations and seeding once; each test starts from a copy."""
    instance = tmp_path_factory.mktemp("template-instance")
    if postgres:
        template = worker_database("rugzak_template")
        postgres.execute(f"CREATE DATABASE {template}")
        _migrate(instance, postgres.url(template))
        return template
    _migrate(instance)
    return instance / "rugzak.sqlite"


@pytest.fixture
def instance(tmp_path):
    return tmp_path / "instance"


@pytest.fixture
def database_url(instance, migrated_database, postgres):
    """A fresh copy of the migrated database: a SQLite file, or a PostgreSQL database."""
    instance.mkdir()
    if postgres is None:
        shutil.copy(migrated_database, instance / "rugzak.sqlite")
        yield None
        return
    name = f"test_{uuid.uuid4().hex[:12]}"
    postgres.execute(f"CREATE DATABASE {name} TEMPLATE {migrated_database}")
    yield postgres.url(name)
    postgres.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def settings() -> dict:
    """Settings a test module adds to the app's (override this fixture there)."""
    return {}


@pytest.fixture
def smtp_server():
    """A real SMTP server on loopback that collects what it receives (tests/mailserver.py)."""
    server = MailServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def app(instance, database_url, settings):
    """No app context stays pushed: requests must not share `g` (Flask-WTF keeps tokens there)."""
    app = create_app({**test_config(instance, database_url), **settings})
    app.test_client_class = FormClient
    with app.app_context():
        _add_partners()
    yield app
    app.extensions["rugzak.search"].stop()
    with app.app_context():
        db.engine.dispose()


def _add_partners() -> None:
    db.session.add_all([Partner(slug="uwv", name="UWV"),
                        Partner(slug="welzijn-samen-sterk", name="Welzijn Samen Sterk")])
    db.session.commit()


class FormClient(FlaskClient):
    """Submits forms the way a browser does: with the CSRF token from the page."""

    def csrf_token(self, page: str = "/") -> str:
        response = self.get(page, follow_redirects=True)
        match = CSRF_PATTERN.search(response.get_data(as_text=True))
        assert match, f"no CSRF token on {page}"
        return next(group for group in match.groups() if group)

    def submit(self, url: str, data: dict | None = None, page: str | None = None, **kwargs):
        data = dict(data or {})
        data.setdefault("csrf_token", self.csrf_token(page or url))
        return self.post(url, data=data, **kwargs)

    def login(self, email: str, password: str = PASSWORD):
        response = self.submit("/inloggen", {"email": email, "password": password})
        assert response.status_code == 302, response.get_data(as_text=True)
        return response

    def logout(self):
        return self.submit("/uitloggen", page="/")


@pytest.fixture
def client(app) -> FormClient:
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@dataclass(frozen=True)
class Ref:
    """What a test keeps of a row it made: plain values, usable outside the app context."""

    id: int
    email: str = ""
    name: str = ""
    role: str = ""
    version: int = 0
    title: str = ""


@pytest.fixture
def make_user(app):
    counter = iter(range(1, 10_000))

    def make(role: str = "medewerker", name: str | None = None, email: str | None = None,
             department: str | None = "werk-en-inkomen", partner: str | None = None) -> Ref:
        number = next(counter)
        if role == "partner":
            department, partner = None, partner or "uwv"
        with app.app_context():
            user = create_user(None, email or f"{role}{number}@gemeente.example",
                               name or f"{role.title()} {number}", role, PASSWORD,
                               department=department, partner=partner)
            return Ref(id=user.id, email=user.email, name=user.name, role=user.role)

    return make


@pytest.fixture
def make_experience(app):
    def make(author: Ref, **values) -> Ref:
        data = ExperienceInput(
            title=values.pop("title", "Samen aan tafel"),
            situation=values.pop("situation", "Een gezin met schulden en een jongere in zorg."),
            lesson=values.pop("lesson", "Spreek vooraf af wie de regie heeft."),
            status=values.pop("status", "gepubliceerd"),
            occurred_on=values.pop("occurred_on", date(2025, 3, 14)),
            **values)
        with app.app_context():
            experience = create_experience(db.session.get(User, author.id), data)
            return Ref(id=experience.id, version=experience.version, title=experience.title)

    return make


@pytest.fixture
def logged_in(client, make_user):
    """A client signed in as a new user of the given role: logged_in("partner")."""

    def sign_in(role: str = "medewerker", **kwargs):
        user = make_user(role, **kwargs)
        client.login(user.email)
        return user

    return sign_in


@pytest.fixture
def token_for(app):
    def issue(user) -> dict:
        with app.app_context():
            row, token = ApiToken.issue(db.session.get(User, user.id))
            db.session.add(row)
            db.session.commit()
        return {"Authorization": f"Bearer {token}"}

    return issue


@pytest.fixture
def api_user(make_user, token_for):
    def make(role="medewerker", **kwargs):
        user = make_user(role, **kwargs)
        return user, token_for(user)

    return make
