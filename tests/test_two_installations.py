"""Issue 18, "Done when": two real Rugzak installations on loopback, each with its own instance
folder, database and gunicorn server. A (Gemeente Leiden) shares an experience openly through
HTTP; B follows A with `rugzak peers add|sync` on its own command line and finds the experience
in its search, attributed; what A does not share never reaches A's open pages nor B; a
withdrawal reaches B at the next sync; peers that answer garbage or nothing are reported on
B's /beheer/bronnen and change nothing. One pair of servers serves the whole module."""
from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import select

from rugzak import create_app
from rugzak.admin.services import create_user
from rugzak.auth.models import ApiToken, User
from rugzak.extensions import db
from rugzak.peers.models import ExternalExperience, Peer
from rugzak.taxonomy.models import Partner

from . import conftest
from .http_client import Visitor
from .servers import Server

pytestmark = pytest.mark.slow
RUGZAK = str(Path(sys.executable).with_name("rugzak"))
LEIDEN = "Gemeente Leiden"
SHARED = "Warme overdracht naar het wijkteam"
NO_CONSENT = "Intern zonder toestemming geheimzinnigwoord"
NOT_PUBLISHED = "Toestemming maar niet gedeeld geheimzinnigwoord"
OPEN_API = "/open/api/v1/experiences"
SOURCES = "/beheer/bronnen"
WORLD = ("/open", "/open?q=casusoverleg", "/open/feed.atom", "/open/catalogus.jsonld",
         OPEN_API, "/open/api/v1/bundles")


@dataclass
class Installation:
    server: Server
    app: object  # this process's view of the same instance: for setting up users only
    tokens: dict[str, dict[str, str]]  # by role: the Authorization header
    emails: dict[str, str]

    def rugzak(self, *args: str, **settings: str) -> subprocess.CompletedProcess:
        """The `rugzak` command line on this installation's instance, as its operator runs it."""
        env = {**self.server.env, **{f"RUGZAK_{key}": value for key, value in settings.items()}}
        return subprocess.run([RUGZAK, *args], env=env, capture_output=True, text=True,
                              timeout=120)

    def visitor(self, role: str) -> Visitor:
        person = Visitor(self.server.url)
        assert person.sign_in(self.emails[role]).status == 302
        return person

    def api(self, role: str, method: str, path: str, payload: dict | None = None):
        return Visitor(self.server.url).api(method, path, payload, self.tokens[role])

    def peer_ids(self) -> list[int]:
        with self.app.app_context():
            ids = db.session.scalars(select(Peer.id).order_by(Peer.id)).all()
            db.session.remove()
            return list(ids)

    def copies(self) -> list[str]:
        with self.app.app_context():
            titles = db.session.scalars(select(ExternalExperience.title)).all()
            db.session.remove()
            return sorted(titles)


def fresh_database(folder: Path, migrated_database, postgres) -> str | None:
    folder.mkdir(parents=True)
    if postgres is None:
        shutil.copy(migrated_database, folder / "rugzak.sqlite")
        return None
    name = f"pair_{uuid.uuid4().hex[:12]}"
    postgres.execute(f"CREATE DATABASE {name} TEMPLATE {migrated_database}")
    return postgres.url(name)


def people(app, roles: tuple[str, ...], prefix: str) -> tuple[dict, dict]:
    tokens, emails = {}, {}
    with app.app_context():
        db.session.add(Partner(slug="uwv", name="UWV"))
        for role in roles:
            email = f"{role}@{prefix}.example"
            user = create_user(None, email, f"{role.title()} {prefix}", role, conftest.PASSWORD,
                               department=None if role == "partner" else "werk-en-inkomen",
                               partner="uwv" if role == "partner" else None)
            row, token = ApiToken.issue(db.session.get(User, user.id))
            db.session.add(row)
            db.session.commit()
            tokens[role], emails[role] = {"Authorization": f"Bearer {token}"}, email
        db.session.remove()
    return tokens, emails


@pytest.fixture(scope="module")
def pair(tmp_path_factory, migrated_database, postgres):
    made, apps = [], []
    settings = {"PEER_SYNC_MINUTES": 0, "RETENTION_CHECK_MINUTES": 0}
    with_names = ({**settings, "MUNICIPALITY": LEIDEN}, {**settings, "MUNICIPALITY": "Gemeente B"})
    installations = []
    for name, extra, roles in (("a", with_names[0], ("medewerker", "kernteam")),
                               ("b", with_names[1], ("medewerker", "partner", "beheerder"))):
        folder = tmp_path_factory.mktemp(f"installation-{name}") / "instance"
        url = fresh_database(folder, migrated_database, postgres)
        made.append(url)
        app = create_app(conftest.test_config(folder, url))
        apps.append(app)
        tokens, emails = people(app, roles, name)
        installations.append((Server(folder, url, workers=1, settings=extra), app, tokens,
                              emails))
    servers = [entry[0] for entry in installations]
    with ThreadPoolExecutor() as starting, contextlib.ExitStack() as running:
        for server in starting.map(Server.__enter__, servers):  # both start at once
            running.push(server.__exit__)
        yield tuple(Installation(*entry) for entry in installations)
    for app in apps:
        app.extensions["rugzak.search"].stop()
        with app.app_context():
            db.engine.dispose()
    for url in made:
        if url:
            postgres.execute(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")


def write(a: Installation, title: str, open_consent: bool) -> int:
    answer = a.api("medewerker", "POST", "/api/v1/experiences", {
        "title": title, "situation": "Een casusoverleg met het wijkteam.",
        "lesson": "Maak samen één plan.", "kind": "les", "occurred_on": "2025-06-01",
        "visibility": "intern", "status": "gepubliceerd", "open_consent": open_consent})
    assert answer.status == 201, answer.text
    return answer.json()["id"]


@pytest.fixture(scope="module")
def shared(pair):
    """A's author consents and A's core team publishes openly; B follows A and syncs."""
    a, b = pair
    shared_id = write(a, SHARED, open_consent=True)
    write(a, NO_CONSENT, open_consent=False)
    write(a, NOT_PUBLISHED, open_consent=True)
    published = a.api("kernteam", "PUT", f"/api/v1/experiences/{shared_id}/open")
    assert published.status == 200, published.text
    added = b.visitor("beheerder").submit(SOURCES, {"name": LEIDEN, "url": a.server.url})
    assert added.status == 302, added.text
    synced = b.rugzak("peers", "sync")
    assert synced.returncode == 0 and f"{LEIDEN}: 1 wijzigingen." in synced.stdout, synced
    return shared_id, published.json()["open_id"]


def test_what_a_does_not_share_never_leaves_a(pair, shared):
    a, _ = pair
    _, open_id = shared
    world = Visitor(a.server.url)
    texts = [world.get(path).text for path in (*WORLD, f"/open/{open_id}")]
    assert any(SHARED in text for text in texts)
    assert not any(NO_CONSENT in text or NOT_PUBLISHED in text for text in texts)
    assert not world.cookies


def test_b_finds_the_shared_experience_with_its_source(pair, shared):
    _, b = pair
    assert b.copies() == [SHARED]
    for role in ("medewerker", "partner"):
        page = b.visitor(role).get("/zoeken?q=overdrachten").text
        assert SHARED in page and f"Gedeeld door {LEIDEN}." in page
    others = b.visitor("medewerker").get("/andere-gemeenten").text
    assert SHARED in others and "geheimzinnigwoord" not in others
    found = b.api("medewerker", "GET", "/api/v1/search?q=geheimzinnigwoord").json()
    assert found["total"] == 0


GARBAGE = {"malformed JSON": (b"{niet: json", "antwoord is geen geldige JSON"),
           "10 MB": (b"[" + b"1," * 5_000_000 + b"1]", "antwoord groter dan")}


def answering(body: bytes) -> ThreadingHTTPServer:
    class Peer(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            with contextlib.suppress(OSError):  # B stops reading what is too big
                self.wfile.write(body)

        def log_message(self, *_args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Peer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def bad_peers():
    """Per problem: the peer's address and what B reports about it."""
    servers = {name: answering(body) for name, (body, _) in GARBAGE.items()}
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()  # the kernel accepts the connection; nobody ever answers
    yield {**{name: (f"http://127.0.0.1:{server.server_port}", GARBAGE[name][1])
              for name, server in servers.items()},
           "no answer": (f"http://127.0.0.1:{silent.getsockname()[1]}", "geen antwoord")}
    silent.close()
    for server in servers.values():
        server.shutdown()
        server.server_close()


def test_peers_answering_garbage_or_nothing_are_reported_and_change_nothing(pair, shared,
                                                                            bad_peers):
    _, b = pair
    copies = b.copies()
    reader, keeper = b.visitor("medewerker"), b.visitor("beheerder")
    searched = reader.get("/zoeken?q=overdracht").text.count('class="card"')
    for name, (url, _) in bad_peers.items():
        assert keeper.submit(SOURCES, {"name": f"Peer {name}", "url": url}).status == 302
    synced = b.rugzak("peers", "sync", PEER_TIMEOUT_SECONDS="1")
    assert synced.returncode == 1
    sources = keeper.get(SOURCES).text
    for name, (_, reported) in bad_peers.items():
        assert f"Peer {name}" in sources and reported in sources, (name, sources)
        assert f"Peer {name}: fout: {reported}" in synced.stderr
    assert b.copies() == copies
    assert reader.get("/zoeken?q=overdracht").text.count('class="card"') == searched
    for peer_id in b.peer_ids()[1:]:  # all but A
        assert keeper.submit(f"{SOURCES}/{peer_id}/verwijderen").status == 302


def test_a_withdrawal_in_a_reaches_b_at_the_next_sync(pair, shared):
    a, b = pair
    shared_id, _ = shared
    assert a.api("kernteam", "DELETE", f"/api/v1/experiences/{shared_id}/open").status == 200
    synced = b.rugzak("peers", "sync")
    assert synced.returncode == 0, synced.stderr
    reader = b.visitor("medewerker")
    assert SHARED not in reader.get("/zoeken?q=overdracht").text
    assert SHARED not in reader.get("/andere-gemeenten").text
    assert b.copies() == []
