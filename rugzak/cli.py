"""The `rugzak` command: a Flask CLI group bound to the app."""
from __future__ import annotations

import sys

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext
from flask_migrate import upgrade
from sqlalchemy import select

from .admin.services import create_user, deactivate_user
from .auth.models import User
from .auth.roles import Role
from .auth.services import find_user
from .auth.tokens import issue_token
from .errors import InvalidInput
from .extensions import db
from .search.service import search_service


def register_cli(app: Flask) -> None:
    from .backup.cli import backup_command, restore_command
    from .datecheck.cli import dates_command
    from .freshness.cli import review
    from .handover.cli import handover_command
    from .mail.cli import mail
    from .peers.cli import peers
    from .privacy.cli import erase_user_command, retention_command
    from .search.cli import search
    from .transfer.cli import export_command, import_command
    from .twostep.cli import reset_two_step_command

    users.add_command(erase_user_command)
    users.add_command(reset_two_step_command)
    for command in (init_command, demo_command, users, tokens, search, backup_command,
                    restore_command, export_command, import_command, dates_command,
                    retention_command, mail, review, peers, handover_command):
        app.cli.add_command(command)


@click.command("init")
@with_appcontext
def init_command() -> None:
    """Maak of vernieuw het databaseschema en vul de standaardtaxonomie aan."""
    from .datecheck.cli import summary
    from .privacy.retention import apply_retention
    from .reflection.seed import seed_formats
    from .taxonomy.seed import seed_taxonomy

    upgrade(directory=current_app.extensions["migrate"].directory)
    seed_taxonomy()
    seed_formats()
    apply_retention()
    search_service().catch_up()  # opens the index, building it when missing
    click.echo("Database is bijgewerkt en de taxonomie is aangevuld.")
    if implausible := summary():
        click.echo(implausible)


@click.command("demo")
@click.option("--if-empty", is_flag=True,
              help="Niets doen (en niet falen) als er al gegevens zijn.")
@with_appcontext
def demo_command(if_empty: bool) -> None:
    """Laad demo-inhoud in een lege database."""
    from .demo.loader import NotEmpty, load_demo

    try:
        credentials = load_demo()
    except NotEmpty:
        if if_empty:
            click.echo("De database bevat al gegevens; demo-inhoud is niet geladen.")
            return
        raise click.ClickException("De database is niet leeg; demo-inhoud gaat alleen in een "
                                   "lege database.") from None
    search_service().catch_up()
    _print_demo_accounts(credentials)


def _print_demo_accounts(credentials) -> None:
    line = "=" * 78
    click.echo(line)
    click.echo("DEMO-ACCOUNTS — alleen voor demonstratie, niet voor echt gebruik.")
    click.echo("Deze wachtwoorden worden maar één keer getoond. Bewaar ze nu.")
    click.echo(line)
    for account, password in credentials:
        click.echo(f"  {account.role.value:<11} {account.email:<32} {password}   ({account.name})")
    click.echo(line)


@click.group("users", cls=AppGroup)
def users() -> None:
    """Gebruikers beheren."""


@users.command("create")
@click.argument("email")
@click.option("--name", required=True, help="Volledige naam.")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
@click.option("--department", help="Slug van de afdeling (niet voor partners).")
@click.option("--partner", help="Slug van de partnerorganisatie (alleen voor partners).")
@click.option("--password-stdin", is_flag=True, help="Lees het wachtwoord van standaardinvoer.")
def create_user_command(email, name, role, department, partner, password_stdin) -> None:
    """Maak een gebruiker aan."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Wachtwoord", hide_input=True, confirmation_prompt=True)
    try:
        user = create_user(None, email, name, role, password, department=department,
                           partner=partner)
    except InvalidInput as error:
        raise click.ClickException(" ".join(error.errors.values())) from None
    click.echo(f"Gebruiker {user.email} ({user.role}) is aangemaakt.")


@users.command("list")
def list_users_command() -> None:
    """Toon alle gebruikers."""
    rows = db.session.scalars(select(User).order_by(User.email)).all()
    if not rows:
        click.echo("Er zijn nog geen gebruikers.")
    for user in rows:
        place = user.organisation.slug if user.organisation else "-"
        state = "actief" if user.active else "gedeactiveerd"
        click.echo(f"{user.email:<36} {user.role:<11} {place:<28} {state:<14} {user.name}")


@users.command("deactivate")
@click.argument("email")
def deactivate_user_command(email: str) -> None:
    """Deactiveer een gebruiker en beëindig diens sessies."""
    user = find_user(email)
    if user is None:
        raise click.ClickException(f"Er is geen gebruiker met e-mailadres {email}.")
    deactivate_user(None, user)
    click.echo(f"Gebruiker {user.email} is gedeactiveerd; open sessies zijn beëindigd.")


@click.group("tokens", cls=AppGroup)
def tokens() -> None:
    """Persoonlijke API-tokens."""


@tokens.command("create")
@click.argument("email")
@click.option("--naam", "label", default="", help="Waarvoor de token is, bijv. 'Power BI'.")
@click.option("--dagen", "valid_days", type=int, default=None,
              help="Geldig voor zoveel dagen (zonder: tot de token wordt ingetrokken).")
def create_token_command(email: str, label: str, valid_days: int | None) -> None:
    """Maak een nieuwe API-token voor een gebruiker en toon die eenmalig."""
    user = find_user(email)
    if user is None or not user.active:
        raise click.ClickException(f"Er is geen actieve gebruiker met e-mailadres {email}.")
    try:
        token = issue_token(None, user, label, valid_days)
    except InvalidInput as error:
        raise click.ClickException(" ".join(error.errors.values())) from None
    click.echo(token)
