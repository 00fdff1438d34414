"""`rugzak review due`: the review reminders that are due now."""
from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from ..urls import external_url
from .queries import due_reminders
from .reminders import remind_due

review = AppGroup("review", help="Klopt dit nog?: oude ervaringen nakijken.")


@review.command("due")
def due_command() -> None:
    """Toon de ervaringen die nu vragen of ze nog kloppen, en wie de vraag krijgt."""
    count = 0
    with current_app.test_request_context():  # for the pages' addresses on BASE_URL
        for reminder in due_reminders():
            count += 1
            click.echo(_line(reminder))
    click.echo(f"{count} ervaring(en) wachten op een antwoord op „Klopt dit nog?”.")


def _line(reminder) -> str:
    """Id, last change, title, address and who is asked, separated by tabs."""
    experience = reminder.experience
    names = ", ".join(f"{user.name} <{user.email}>" for user in reminder.recipients)
    return (f"{experience.id}\t{experience.updated_at:%Y-%m-%d}\t{experience.title}\t"
            f"{external_url('experiences.show', experience_id=experience.id)}\t"
            f"{names or '(niemand: geen actief kernteam)'}")



@review.command("remind")
def remind_command() -> None:
    """Vraag de auteurs (of het kernteam) van ervaringen die nu vragen of ze nog kloppen, met
    een melding (en e-mail naar ieders keuze); wie al gevraagd is, niet nog eens."""
    with current_app.test_request_context():
        click.echo(f"{remind_due()} ervaring(en) vroegen „Klopt dit nog?”.")
