"""`rugzak users reset-two-step`: for a person who lost both the app and the recovery codes."""
from __future__ import annotations

import click
from flask.cli import with_appcontext

from ..auth.services import find_user
from .services import reset_two_step


@click.command("reset-two-step")
@click.argument("email")
@with_appcontext
def reset_two_step_command(email: str) -> None:
    """Zet de tweestapsverificatie van een gebruiker uit (telefoon en herstelcodes kwijt)."""
    user = find_user(email)
    if user is None:
        raise click.ClickException(f"Er is geen gebruiker met e-mailadres {email}.")
    reset_two_step(None, user)
    click.echo(f"Tweestapsverificatie van {user.email} staat uit; bij het volgende inloggen "
               f"volstaat het wachtwoord, of wordt ze opnieuw ingesteld als dat verplicht is.")
