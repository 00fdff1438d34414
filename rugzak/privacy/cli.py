"""`rugzak users erase` and `rugzak retention`."""
from __future__ import annotations

import click
from flask.cli import with_appcontext

from ..auth.services import find_user
from ..errors import InvalidInput
from .erasure import erase_user
from .retention import apply_retention


@click.command("erase")
@click.argument("email")
@click.option("--delete-experiences", is_flag=True,
              help="Verwijder ook de ervaringen die deze persoon schreef.")
@click.option("--yes", is_flag=True, help="Niet om bevestiging vragen.")
@with_appcontext
def erase_user_command(email: str, delete_experiences: bool, yes: bool) -> None:
    """Wis de persoonsgegevens van een gebruiker (AVG); ervaringen blijven als oud-medewerker."""
    user = find_user(email)
    if user is None:
        raise click.ClickException(f"Er is geen gebruiker met e-mailadres {email}.")
    if not yes:
        click.confirm(f"{user.name} <{user.email}> definitief wissen?", abort=True)
    try:
        done = erase_user(None, user, delete_experiences)
    except InvalidInput as refused:
        raise click.ClickException(" ".join(refused.errors.values())) from None
    click.echo(f"Gebruiker is gewist. Ervaringen behouden: {done.experiences_kept}, "
               f"verwijderd: {done.experiences_deleted}.")


@click.command("retention")
@with_appcontext
def retention_command() -> None:
    """Verwijder wat langer dan de bewaartermijnen is bewaard (dat gebeurt ook dagelijks)."""
    removed = apply_retention()
    click.echo(f"Zoekopdrachten: {removed.searches}, IP-adressen in het auditlog: "
               f"{removed.audit_addresses}, sessies: {removed.sessions}, klaargezette imports: "
               f"{removed.staged_imports}, bewaarde API-antwoorden: {removed.api_answers}, "
               f"verstuurde e-mail: {removed.sent_mails}, gelezen meldingen: "
               f"{removed.read_notifications}.")
