"""`rugzak export DIR` and `rugzak import FILE|DIR [--dry-run]`."""
from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext
from flask_babel import gettext as _

from ..auth.services import find_user
from ..errors import InvalidInput
from .export import write_export
from .load import check_export, is_export, load_export
from .services import save_sheet
from .spreadsheet import read_sheet


@click.command("export")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@with_appcontext
def export_command(folder: Path) -> None:
    """Schrijf alle gegevens als JSON en CSV (met README.txt) naar een nieuwe of lege map."""
    try:
        counts = write_export(folder)
    except InvalidInput as refusal:
        raise _failed(refusal) from None
    click.echo(f"Export geschreven naar {folder}: {sum(counts.values())} rijen uit "
               f"{len(counts)} tabellen.")


@click.command("import")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Alleen controleren en melden; niets opslaan.")
@click.option("--author", help="E-mailadres van de auteur voor rijen zonder kolom 'auteur'.")
@with_appcontext
def import_command(source: Path, dry_run: bool, author: str | None) -> None:
    """Zet een export terug in een lege installatie, of lees ervaringen uit een spreadsheet
    (CSV of XLSX, één ervaring per rij)."""
    if is_export(source):
        _import_export(source, dry_run)
    elif source.is_file():
        _import_sheet(source, dry_run, author)
    else:
        raise click.ClickException(f"{source} is geen export-map en geen CSV- of XLSX-bestand.")


def _import_export(folder: Path, dry_run: bool) -> None:
    try:
        counts = check_export(folder) if dry_run else load_export(folder)
    except InvalidInput as refusal:
        raise _failed(refusal) from None
    total = sum(counts.values())
    if dry_run:
        click.echo(f"Controle: de export is in orde ({total} rijen); er is niets opgeslagen.")
    else:
        click.echo(f"Export geïmporteerd: {total} rijen; de zoekindex is opnieuw opgebouwd.")


def _import_sheet(file: Path, dry_run: bool, author_email: str | None) -> None:
    default_author = find_user(author_email) if author_email else None
    if author_email and default_author is None:
        raise click.ClickException(_("Er is geen gebruiker met e-mailadres %(email)s.",
                                     email=author_email))
    try:
        sheet = read_sheet(file.name, file.read_bytes(), default_author)
    except InvalidInput as refusal:
        raise _failed(refusal) from None
    for problem in sheet.problems:
        click.echo(str(problem))
    if sheet.problems:
        rows = len({problem.row for problem in sheet.problems})
        raise click.ClickException(f"{len(sheet.problems)} probleem/problemen in {rows} rij(en); "
                                   "er is niets opgeslagen.")
    if dry_run:
        click.echo(f"Controle: alle {len(sheet.rows)} rijen zijn in orde; er is niets opgeslagen.")
        return
    count = save_sheet(None, sheet, file.name)
    click.echo(f"{count} ervaringen geïmporteerd.")


def _failed(refusal: InvalidInput) -> click.ClickException:
    return click.ClickException(" ".join(refusal.errors.values()))
