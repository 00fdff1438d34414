"""`rugzak peers add|list|remove`: the other municipalities' Rugzak this one follows."""
from __future__ import annotations

import click
from flask.cli import AppGroup

from ..errors import InvalidInput
from .services import add_peer, all_peers, peer_by_url, remove_peer
from .sync import PeerError, problem_text, sync_all

peers = AppGroup("peers", help="Volg de open data van de Rugzak van andere gemeenten.")


@peers.command("add")
@click.argument("url")
@click.option("--name", required=True, help='De naam van de bron, bijv. "Gemeente Leiden".')
def add_command(url: str, name: str) -> None:
    """Volg de Rugzak op URL."""
    try:
        peer = add_peer(None, url, name)
    except InvalidInput as refused:
        raise click.ClickException(" ".join(refused.errors.values())) from None
    click.echo(f"Bron toegevoegd: {peer.name} ({peer.url}).")


@peers.command("list")
def list_command() -> None:
    """Toon de gevolgde bronnen."""
    for peer in all_peers():
        synced = peer.last_synced_at.isoformat() if peer.last_synced_at else "nog nooit"
        problem = f" — fout: {problem_text(peer.last_error, peer.last_error_values)}" \
            if peer.last_error else ""
        click.echo(f"{peer.name}\t{peer.url}\tbijgewerkt: {synced}{problem}")


@peers.command("remove")
@click.argument("url")
def remove_command(url: str) -> None:
    """Volg de Rugzak op URL niet meer."""
    peer = peer_by_url(url)
    if peer is None:
        raise click.ClickException(f"Er is geen bron met adres {url}.")
    remove_peer(None, peer)
    click.echo(f"Bron verwijderd: {peer.name}.")


@peers.command("sync")
def sync_command() -> None:
    """Haal bij elke bron op wat er sinds de vorige keer veranderde."""
    failed = False
    for peer, outcome in sync_all():
        if isinstance(outcome, PeerError):
            failed = True
            click.echo(f"{peer.name}: fout: {outcome}", err=True)
        else:
            click.echo(f"{peer.name}: {outcome} wijzigingen.")
    if failed:
        raise click.exceptions.Exit(1)
