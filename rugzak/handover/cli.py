"""`rugzak handover PATH.zip [--als EMAIL]`: the handover package from the command line."""
from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from ..auth.models import User
from ..auth.roles import Role
from ..auth.services import find_user
from ..extensions import db
from .policies import may_hand_over
from .services import write_handover


@click.command("handover")
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--als", "email",
              help="E-mailadres van het kernteamlid of de beheerder voor wie de cijfers en "
                   "verslagen gemaakt worden (zonder: het eerste actieve kernteamlid).")
@with_appcontext
def handover_command(target: Path, email: str | None) -> None:
    """Schrijf het overdrachtspakket (ZIP): export, cijfers, verslagen en handleiding."""
    if target.exists():
        raise click.ClickException(f"{target} bestaat al; kies een nieuwe bestandsnaam.")
    viewer = find_user(email) if email else _first_of_the_core_team()
    if viewer is None or not viewer.active or not may_hand_over(viewer):
        raise click.ClickException("Kies met --als een actief kernteamlid of een actieve "
                                   "beheerder.")
    try:
        names = write_handover(viewer, target)
    except BaseException:
        target.unlink(missing_ok=True)  # no half-written package
        raise
    click.echo(f"Overdrachtspakket geschreven naar {target}: {len(names)} bestanden.")


def _first_of_the_core_team() -> User | None:
    """The core team sees every reflection session; a beheerder sees none."""
    return db.session.scalar(select(User).where(User.role == Role.KERNTEAM, User.active)
                             .order_by(User.id).limit(1))
