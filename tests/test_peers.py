"""Following other municipalities (issue 18, first step): `rugzak peers add|list|remove`."""
from __future__ import annotations

import contextlib
import json
import re
import threading
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import select
from werkzeug.serving import make_server

from rugzak.extensions import db
from rugzak.peers.models import ExternalExperience, Peer
from rugzak.peers.schedule import EXTENSION

from .test_audit import events

API = "/open/api/v1/experiences"


def test_add_list_and_remove_a_peer(app, runner):
    added = runner.invoke(args=["peers", "add", "https://rugzak.leiden.example/open/",
                                "--name", "Gemeente Leiden"])
    assert added.exit_code == 0, added.output
    assert "Bron toegevoegd: Gemeente Leiden (https://rugzak.leiden.example)." in added.output
    listed = runner.invoke(args=["peers", "list"])
    assert "Gemeente Leiden\thttps://rugzak.leiden.example\tbijgewerkt: nog nooit" in listed.output
    removed = runner.invoke(args=["peers", "remove", "https://rugzak.leiden.example"])
    assert removed.exit_code == 0 and "Bron verwijderd: Gemeente Leiden." in removed.output
    assert runner.invoke(args=["peers", "list"]).output == ""
    actions = [event[0] for event in events(app)]
    assert actions.count("peer_added") == 1 and actions.count("peer_removed") == 1


def test_a_bad_or_double_peer_is_refused_in_dutch(runner):
    for url in ("ftp://rugzak.example", "geen adres", "https://iemand:geheim@rugzak.example",
                "https://rugzak.example:99999"):
        refused = runner.invoke(args=["peers", "add", url, "--name", "Ergens"])
        assert refused.exit_code != 0 and "Geef het adres van de andere Rugzak" in refused.output
    assert runner.invoke(args=["peers", "add", "https://a.example", "--name", " "]).exit_code != 0
    runner.invoke(args=["peers", "add", "https://a.example", "--name", "A"])
    double = runner.invoke(args=["peers", "add", "https://a.example/", "--name", "A"])
    assert "Deze bron volg je al." in double.output
    missing = runner.invoke(args=["peers", "remove", "https://b.example"])
    assert missing.exit_code != 0 and "Er is geen bron met adres" in missing.output


@pytest.fixture
def peer_server():
    """A loopback web server standing in for another municipality's Rugzak: each test sets
    the answers by path (status, body bytes, seconds to wait first)."""
    answers: dict[str, tuple[int, bytes, float]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            status, body, wait = answers.get(self.path.split("?")[0], (404, b"{}", 0))
            time.sleep(wait)
            self.send_response(status)
            if status in (301, 302):
                self.send_header("Location", body.decode())
                body = b""
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            with contextlib.suppress(OSError):
                self.wfile.write(body)

        def log_message(self, *_args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", answers
    server.shutdown()
    server.server_close()


def open_page(url, items=(), withdrawn=()) -> bytes:
    return json.dumps({"items": list(items), "withdrawn": list(withdrawn), "page": 1,
                       "pages": 1, "total": 1, "per_page": 100}).encode()


def item(url, number, title, updated="2026-12-01T10:00:00+00:00") -> dict:
    return {"id": number, "url": f"{url}/open/{number}", "title": title,
            "situation": "Overleg.", "lesson": "Afspreken.", "kind": "les",
            "occurred_in": "2025-03", "author": "een medewerker van Jeugd, Gemeente Leiden",
            "departments": ["Jeugd"], "goals": [], "tags": ["wijkteam"],
            "conditions": [{"name": "Vertrouwen", "effect": "hielp"}], "updated_at": updated}


def stored(app) -> list[tuple[int, str]]:
    with app.app_context():
        return [(row.remote_id, row.title) for row in db.session.scalars(
            select(ExternalExperience).order_by(ExternalExperience.remote_id))]


def test_sync_keeps_what_a_peer_shares_and_drops_what_it_withdraws(app, runner, peer_server):
    url, answers = peer_server
    runner.invoke(args=["peers", "add", url, "--name", "Gemeente Leiden"])
    answers[API] = (200, open_page(url, [item(url, 1, "Warme overdracht"),
                                         item(url, 2, "Samen aan tafel")]), 0)
    synced = runner.invoke(args=["peers", "sync"])
    assert synced.exit_code == 0 and "Gemeente Leiden: 2 wijzigingen." in synced.output
    assert stored(app) == [(1, "Warme overdracht"), (2, "Samen aan tafel")]
    answers[API] = (200, open_page(url, [item(url, 2, "Samen aan tafel (bijgewerkt)")],
                                   [{"id": 1, "withdrawn_at": "2026-12-02T10:00:00+00:00"}]), 0)
    runner.invoke(args=["peers", "sync"])
    assert stored(app) == [(2, "Samen aan tafel (bijgewerkt)")]
    with app.app_context():
        peer = db.session.scalars(select(Peer)).one()
        assert peer.last_error is None and peer.synced_until is not None


@pytest.mark.parametrize("answer, reported", [
    ((200, b"{niet: json", 0), "geen geldige JSON"),
    ((200, b"[" + b"1," * 6_000_000 + b"1]", 0), "groter dan"),
    ((200, b'{"items": [{"id": "een"}], "page": 1, "pages": 1}', 0), "schema"),
    ((500, b"{}", 0), "antwoordde 500"),
    ((200, b"{}", 3), "geen antwoord"),
    ((302, b"http://elders.example/open/api/v1/experiences", 0), "ander adres"),
])
def test_a_peer_answering_garbage_or_nothing_is_reported_and_changes_nothing(
        app, runner, peer_server, answer, reported):
    url, answers = peer_server
    app.config["PEER_TIMEOUT_SECONDS"] = 1.0
    runner.invoke(args=["peers", "add", url, "--name", "Gemeente Leiden"])
    answers[API] = (200, open_page(url, [item(url, 1, "Blijft staan")]), 0)
    runner.invoke(args=["peers", "sync"])
    answers[API] = answer
    failed = runner.invoke(args=["peers", "sync"])
    assert failed.exit_code == 1
    assert stored(app) == [(1, "Blijft staan")]
    listed = runner.invoke(args=["peers", "list"]).output
    assert "fout:" in listed and reported in listed


def test_a_rugzak_follows_the_open_api_of_a_real_rugzak(app, runner, make_user,
                                                         make_experience, api_user):
    """The peer is this very installation, served on loopback: what it shares openly (and
    only that) arrives, with the open id and a link to the original."""
    author = make_user()
    shared = make_experience(author, title="Gedeeld met de wereld", open_consent=True)
    make_experience(author, title="Intern gebleven", open_consent=True)
    _, headers = api_user("kernteam")
    client = app.test_client()
    open_id = client.put(f"/api/v1/experiences/{shared.id}/open", headers=headers
                         ).get_json()["open_id"]
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}"
        runner.invoke(args=["peers", "add", url, "--name", "Gemeente Leiden"])
        synced = runner.invoke(args=["peers", "sync"])
    finally:
        server.shutdown()
    assert synced.exit_code == 0, synced.output
    assert stored(app) == [(open_id, "Gedeeld met de wereld")]


SOURCES = "/beheer/bronnen"


def test_the_administrator_adds_fetches_and_removes_a_peer_on_the_page(app, client, logged_in,
                                                                       peer_server):
    url, answers = peer_server
    logged_in("beheerder")
    assert 'href="/beheer/bronnen"' in client.get("/beheer").get_data(as_text=True)
    added = client.submit(SOURCES, {"name": "Gemeente Leiden", "url": url + "/open"})
    assert added.status_code == 302
    page = client.get(SOURCES).get_data(as_text=True)
    assert "Gemeente Leiden" in page and url in page and "nog nooit" in page
    answers[API] = (200, open_page(url, [item(url, 1, "Warme overdracht")]), 0)
    peer_id = db_peer_id(app)
    fetched = client.submit(f"{SOURCES}/{peer_id}/ophalen", page=SOURCES, follow_redirects=True)
    assert "Opgehaald bij Gemeente Leiden: 1 wijziging." in fetched.get_data(as_text=True)
    assert stored(app) == [(1, "Warme overdracht")]
    assert "<td>1</td>" in client.get(SOURCES).get_data(as_text=True)
    confirm = client.get(f"{SOURCES}/{peer_id}/verwijderen").get_data(as_text=True)
    assert "niet meer wilt volgen" in confirm
    removed = client.submit(f"{SOURCES}/{peer_id}/verwijderen", follow_redirects=True)
    assert "Bron verwijderd: Gemeente Leiden." in removed.get_data(as_text=True)
    assert stored(app) == []
    actions = [event[0] for event in events(app)]
    assert actions.count("peer_added") == 1 and actions.count("peer_removed") == 1


def db_peer_id(app) -> int:
    with app.app_context():
        return db.session.scalars(select(Peer.id)).one()


def test_a_peer_answering_garbage_is_reported_on_the_page(app, client, logged_in, peer_server):
    url, answers = peer_server
    logged_in("beheerder")
    client.submit(SOURCES, {"name": "Gemeente Leiden", "url": url})
    answers[API] = (200, b"{niet: json", 0)
    fetched = client.submit(f"{SOURCES}/{db_peer_id(app)}/ophalen", page=SOURCES,
                            follow_redirects=True).get_data(as_text=True)
    assert "Ophalen bij Gemeente Leiden lukte niet: antwoord is geen geldige JSON" in fetched
    assert "antwoord is geen geldige JSON</td>" in client.get(SOURCES).get_data(as_text=True)


def test_the_error_of_a_peer_is_shown_in_the_readers_language(app, client, logged_in,
                                                               peer_server):
    url, answers = peer_server
    logged_in("beheerder")
    client.submit(SOURCES, {"name": "Gemeente Leiden", "url": url})
    answers[API] = (500, b"{}", 0)
    client.submit(f"{SOURCES}/{db_peer_id(app)}/ophalen", page=SOURCES)
    english = {"Accept-Language": "en-GB,en;q=0.9"}
    assert "<td>answered 500</td>" in client.get(SOURCES, headers=english).get_data(as_text=True)
    assert "<td>antwoordde 500</td>" in client.get(SOURCES).get_data(as_text=True)


def test_fetching_now_from_a_slow_peer_goes_on_in_the_background(app, client, logged_in,
                                                                  peer_server):
    url, answers = peer_server
    app.config["PEER_FETCH_WAIT_SECONDS"] = 0.2
    logged_in("beheerder")
    client.submit(SOURCES, {"name": "Gemeente Leiden", "url": url})
    answers[API] = (200, open_page(url, [item(url, 1, "Warme overdracht")]), 1.5)
    started = time.monotonic()
    fetched = client.submit(f"{SOURCES}/{db_peer_id(app)}/ophalen", page=SOURCES,
                            follow_redirects=True).get_data(as_text=True)
    assert time.monotonic() - started < 1.5
    assert "Bij Gemeente Leiden wordt nog opgehaald; ververs de pagina" in fetched
    deadline = time.monotonic() + 10
    while not stored(app) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert stored(app) == [(1, "Warme overdracht")]


def test_a_bad_peer_is_refused_on_the_page_keeping_what_was_typed(client, logged_in):
    logged_in("beheerder")
    refused = client.submit(SOURCES, {"name": "Gemeente Leiden", "url": "ftp://elders"})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert "Geef het adres van de andere Rugzak" in page
    assert 'value="Gemeente Leiden"' in page and 'value="ftp://elders"' in page


def test_the_core_team_may_look_but_not_keep(client, logged_in, runner):
    runner.invoke(args=["peers", "add", "https://rugzak.leiden.example", "--name", "Leiden"])
    logged_in("kernteam")
    page = client.get(SOURCES).get_data(as_text=True)
    assert "Leiden" in page and "Nu ophalen" not in page and "Bron toevoegen" not in page
    assert client.submit(SOURCES, {"name": "X", "url": "https://x.example"},
                         page="/").status_code == 403


def test_the_served_app_syncs_once_an_hour(app, runner, peer_server):
    url, answers = peer_server
    runner.invoke(args=["peers", "add", url, "--name", "Gemeente Leiden"])
    answers[API] = (200, open_page(url, [item(url, 1, "Warme overdracht")]), 0)
    schedule = app.extensions[EXTENSION]
    schedule.period_seconds = 3600  # the tests switch it off (PEER_SYNC_MINUTES = 0)
    now = datetime(2026, 12, 2, 10, 5, tzinfo=UTC)
    assert schedule.run_if_due(now) == {"Gemeente Leiden": 1}
    assert stored(app) == [(1, "Warme overdracht")]
    answers[API] = (200, b"{niet: json", 0)
    assert schedule.run_if_due(now + timedelta(minutes=50)) is None  # done this hour
    later = schedule.run_if_due(now + timedelta(hours=1))
    assert later == {"Gemeente Leiden": "antwoord is geen geldige JSON"}
    assert stored(app) == [(1, "Warme overdracht")]


def test_a_worker_starts_the_hourly_sync_with_its_first_request(app, client, runner,
                                                                 peer_server):
    url, answers = peer_server
    runner.invoke(args=["peers", "add", url, "--name", "Gemeente Leiden"])
    answers[API] = (200, open_page(url, [item(url, 1, "Warme overdracht")]), 0)
    app.extensions[EXTENSION].period_seconds = 3600
    client.get("/healthz")
    deadline = time.monotonic() + 10
    while not stored(app) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert stored(app) == [(1, "Warme overdracht")]


def test_the_hourly_sync_is_off_in_tests(app, client):
    client.get("/healthz")
    assert app.extensions[EXTENSION]._thread is None


def followed(app, runner, peer_server, *items) -> str:
    url, answers = peer_server
    runner.invoke(args=["peers", "add", url, "--name", "Gemeente Leiden"])
    answers[API] = (200, open_page(url, [entry(url) for entry in items]), 0)
    assert runner.invoke(args=["peers", "sync"]).exit_code == 0
    return url


def test_everyone_signed_in_reads_other_municipalities_newest_first(app, client, logged_in,
                                                                     runner, peer_server):
    url = followed(app, runner, peer_server,
                   lambda url: item(url, 1, "Warme overdracht", "2026-11-01T10:00:00+00:00"),
                   lambda url: item(url, 2, "Samen aan tafel", "2026-12-01T10:00:00+00:00"))
    logged_in("partner")
    assert 'href="/andere-gemeenten"' in client.get("/ervaringen").get_data(as_text=True)
    page = client.get("/andere-gemeenten").get_data(as_text=True)
    assert page.index("Samen aan tafel") < page.index("Warme overdracht")
    assert "Bron: Gemeente Leiden" in page and f'href="{url}/open/2"' in page
    found = client.get("/andere-gemeenten?q=WARME").get_data(as_text=True)
    assert "Warme overdracht" in found and "Samen aan tafel" not in found
    nothing = client.get("/andere-gemeenten?q=100%25").get_data(as_text=True)
    assert "Niets gevonden bij andere gemeenten" in nothing


def test_one_is_shown_read_only_with_attribution_and_sanitised_markdown(
        app, client, logged_in, runner, peer_server):
    def risky(url):
        return item(url, 1, "Warme overdracht") | {
            "licence": "CC BY 4.0",
            "lesson": "**Afspreken** <script>alert(1)</script> [klik](javascript:alert(1))"}

    url = followed(app, runner, peer_server, risky)
    logged_in()
    with app.app_context():
        external_id = db.session.scalars(select(ExternalExperience.id)).one()
    response = client.get(f"/andere-gemeenten/{external_id}")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Gedeeld door Gemeente Leiden, licentie CC BY 4.0." in page
    assert f'href="{url}/open/1"' in page and "<strong>Afspreken</strong>" in page
    assert "<script>alert" not in page and 'href="javascript:' not in page
    assert "Vertrouwen" in page and "wijkteam" in page
    assert "bewerken" not in page.lower().split("<main", 1)[-1]
    assert client.get("/andere-gemeenten/999").status_code == 404


def test_other_municipalities_never_count_in_insight(app, client, logged_in, runner,
                                                     peer_server):
    def insight() -> str:
        page = client.get("/inzicht").get_data(as_text=True)
        return re.sub(r'(csrf[-_]token"?\s+(content|value)=)"[^"]*"', r"\1", page)

    logged_in("kernteam")
    before = insight()
    followed(app, runner, peer_server, lambda url: item(url, 1, "Warme overdracht"))
    assert insight() == before
