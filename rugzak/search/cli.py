"""`rugzak search rebuild` and `rugzak search status`."""
from __future__ import annotations

import click
from flask.cli import AppGroup
from sqlalchemy.orm import Session

from ..extensions import db
from .service import search_service
from .sync import indexable_count, indexed_count, latest_change, watermark_of

search = AppGroup("search", help="De zoekindex.")


@search.command("rebuild")
def rebuild_command() -> None:
    """Bouw de zoekindex opnieuw op uit de database."""
    count = search_service().rebuild()
    click.echo(f"Zoekindex opnieuw opgebouwd: {count} ervaringen.")


@search.command("status")
def status_command() -> None:
    """Vergelijk zoekindex en database; eindigt met code 1 als ze niet kloppen."""
    service = search_service()
    try:
        ix = service.folder.open()
        indexed, watermark = indexed_count(ix), watermark_of(ix)
    except Exception as error:  # noqa: BLE001 - report any damage, do not crash
        click.echo(f"Zoekindex: onbruikbaar of ontbreekt ({error}).")
        click.echo("Herstel met: rugzak search rebuild")
        raise SystemExit(1) from None
    with Session(db.engine) as session:
        in_database = indexable_count(session)
        latest = latest_change(session)
    lag = latest - watermark
    click.echo(f"Ervaringen in de database: {in_database}")
    click.echo(f"Ervaringen in de zoekindex: {indexed}")
    click.echo(f"Laatst verwerkte wijziging: {watermark} (nieuwste: {latest})")
    click.echo(f"Achterstand: {lag} wijziging(en)")
    if indexed != in_database or lag > 0:
        click.echo("Zoekindex en database verschillen.")
        raise SystemExit(1)
    click.echo("Zoekindex en database komen overeen.")
