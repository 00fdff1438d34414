"""`rugzak dates`: the rows outside the plausible range, for the operator (and after `init`)."""
from __future__ import annotations

import click
from flask.cli import with_appcontext

from ..dates import occurred_range, target_range
from ..extensions import db
from .queries import count, implausible_agenda_items, implausible_experiences


@click.command("dates")
@with_appcontext
def dates_command() -> None:
    """Toon ervaringen en agendapunten met een datum buiten het toegestane bereik."""
    first, last = occurred_range()
    for experience in db.session.scalars(implausible_experiences()):
        click.echo(f"ervaring {experience.id}: {experience.occurred_on.isoformat()}  "
                   f"{experience.title}")
    for item in db.session.scalars(implausible_agenda_items()):
        click.echo(f"agendapunt {item.id}: {item.target_date.isoformat()}  {item.title}")
    click.echo(summary() or f"Alle datums liggen binnen het bereik ({first} tot en met {last}; "
                            f"streefdatums tot en met {target_range()[1]}).")


def summary() -> str:
    """One line for the operator when rows lie outside the range; empty otherwise."""
    experiences = count(implausible_experiences())
    items = count(implausible_agenda_items())
    if not experiences and not items:
        return ""
    return (f"Let op: {experiences} ervaring(en) en {items} agendapunt(en) hebben een datum "
            "buiten het toegestane bereik. Verbeter ze op /beheer/datums "
            "(lijst: `rugzak dates`).")
