"""`rugzak backup FILE` and `rugzak restore FILE`."""
from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext

from .services import BackupError, backup_database, restore_database


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def backup_command(file: Path) -> None:
    """Maak een consistente back-up van de database, ook terwijl Rugzak draait."""
    try:
        backup_database(file)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Back-up gemaakt: {file}")


@click.command("restore")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Niet om bevestiging vragen.")
@with_appcontext
def restore_command(file: Path, yes: bool) -> None:
    """Zet een back-up terug (alles in de database wordt vervangen) en bouw de zoekindex."""
    if not yes:
        click.confirm("Alle gegevens in deze database worden vervangen door de back-up. "
                      "Doorgaan?", abort=True)
    try:
        count = restore_database(file)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Back-up teruggezet; zoekindex opnieuw opgebouwd met {count} ervaringen.")
