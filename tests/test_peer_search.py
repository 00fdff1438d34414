"""Other municipalities' open experiences in the own search (issue 18): found by everyone who
signs in, with their source and a facet "Bron", gone after a withdrawal or the peer's removal,
never in the own municipality's reports."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from rugzak.extensions import db
from rugzak.peers.models import ExternalExperience, Peer

from .test_peers import API, item, open_page
from .test_peers import peer_server as peer_server  # noqa: F401 - a fixture used here


def follow_leiden(runner, peer_server, *items) -> str:
    url, answers = peer_server
    runner.invoke(args=["peers", "add", url, "--name", "Gemeente Leiden"])
    answers[API] = (200, open_page(url, [entry(url) for entry in items]), 0)
    assert runner.invoke(args=["peers", "sync"]).exit_code == 0
    return url


def ids(app) -> tuple[int, int]:
    """The copy's id and its peer's id."""
    with app.app_context():
        return db.session.execute(select(ExternalExperience.id, Peer.id).join(
            ExternalExperience.peer)).one()


def warm(url):
    return item(url, 1, "Warme overdracht naar het wijkteam")


@pytest.fixture
def own_and_theirs(app, runner, peer_server, make_user, make_experience) -> tuple[int, int]:
    """An own experience and Leiden's copy about the same: the copy's and the peer's ids."""
    make_experience(make_user(), title="Overdracht binnen de afdeling")
    follow_leiden(runner, peer_server, warm)
    return ids(app)


def test_a_copy_is_found_with_its_source_and_the_facet_filters(client, logged_in,
                                                               own_and_theirs):
    copy_id, peer_id = own_and_theirs
    logged_in()
    page = client.get("/zoeken?q=overdrachten").get_data(as_text=True)  # Dutch stemming
    assert "Warme overdracht naar het wijkteam" in page and "Overdracht binnen de afdeling" in page
    assert f'href="/andere-gemeenten/{copy_id}"' in page
    assert "Gedeeld door Gemeente Leiden." in page
    assert "<h3>Bron</h3>" in page and "Eigen gemeente" in page
    theirs = client.get(f"/zoeken?q=overdracht&origin=peer-{peer_id}").get_data(as_text=True)
    assert "Warme overdracht" in theirs and "Overdracht binnen de afdeling" not in theirs
    ours = client.get("/zoeken?q=overdracht&origin=eigen").get_data(as_text=True)
    assert "Warme overdracht" not in ours and "Overdracht binnen de afdeling" in ours
    unknown = client.get("/zoeken?origin=peer-999").get_data(as_text=True)
    assert "Onbekende bron: peer-999." in unknown


def test_with_only_another_municipality_chosen_the_own_actions_say_why_they_are_gone(
        client, logged_in, own_and_theirs):
    """Report, CSV, follow and feed cover the own municipality's experiences only."""
    _, peer_id = own_and_theirs
    logged_in()
    only_theirs = client.get(f"/zoeken?q=overdracht&origin=peer-{peer_id}").get_data(
        as_text=True)
    assert "Reflectieverslag van dit zoekresultaat" not in only_theirs
    assert "kies bij „Bron” ook „Eigen gemeente” om ze te gebruiken." in only_theirs
    both = client.get(f"/zoeken?q=overdracht&origin=peer-{peer_id}&origin=eigen").get_data(
        as_text=True)
    assert "Reflectieverslag van dit zoekresultaat" in both
    assert "gaan alleen over de ervaringen van de eigen gemeente." in both
    ours = client.get("/zoeken?q=overdracht").get_data(as_text=True)
    assert "Reflectieverslag van dit zoekresultaat" in ours
    assert "gaan alleen over de ervaringen van de eigen gemeente" not in ours


def test_the_api_finds_a_copy_with_its_source(app, client, api_user, runner, peer_server):
    follow_leiden(runner, peer_server, warm)
    copy_id, peer_id = ids(app)
    _, headers = api_user("partner")  # the texts are public: partners find them too
    found = client.get("/api/v1/search?q=wijkteams", headers=headers).get_json()
    assert [(hit["id"], hit["origin"]) for hit in found["results"]] == [
        (copy_id, f"peer-{peer_id}")]
    assert found["facets"]["origin"] == {f"peer-{peer_id}": 1}


def test_a_partner_finds_a_copy(client, logged_in, runner, peer_server):
    follow_leiden(runner, peer_server, warm)
    logged_in("partner")
    assert "Warme overdracht" in client.get("/zoeken?q=wijkteam").get_data(as_text=True)


def test_a_withdrawal_and_a_removed_peer_leave_the_search(app, client, logged_in, runner,
                                                          peer_server):
    url = follow_leiden(runner, peer_server, warm, lambda url: item(url, 2, "Samen aan tafel"))
    logged_in()
    assert "Warme overdracht" in client.get("/zoeken?q=overdracht").get_data(as_text=True)
    _, answers = peer_server
    answers[API] = (200, open_page(url, withdrawn=[
        {"id": 1, "withdrawn_at": "2026-12-02T10:00:00+00:00"}]), 0)
    assert runner.invoke(args=["peers", "sync"]).exit_code == 0
    assert "Warme overdracht" not in client.get("/zoeken?q=overdracht").get_data(as_text=True)
    assert "Samen aan tafel" in client.get("/zoeken?q=tafel").get_data(as_text=True)
    runner.invoke(args=["peers", "remove", url])
    assert "Samen aan tafel" not in client.get("/zoeken?q=tafel").get_data(as_text=True)


def test_a_rebuild_keeps_the_copies(client, logged_in, runner, peer_server):
    follow_leiden(runner, peer_server, warm)
    assert runner.invoke(args=["search", "rebuild"]).exit_code == 0
    status = runner.invoke(args=["search", "status"])
    assert status.exit_code == 0, status.output
    logged_in()
    assert "Warme overdracht" in client.get("/zoeken?q=overdracht").get_data(as_text=True)


def test_a_copy_is_never_in_the_own_reports(client, logged_in, own_and_theirs):
    logged_in("kernteam")
    export = client.get("/zoeken/export.csv?q=overdracht").get_data(as_text=True)
    assert "Overdracht binnen de afdeling" in export and "Warme overdracht" not in export
    assert "Warme overdracht" not in client.get("/inzicht").get_data(as_text=True)
