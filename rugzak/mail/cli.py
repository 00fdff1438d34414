"""`rugzak mail send` (from cron or a systemd timer) and `rugzak mail failed`."""
from __future__ import annotations

import click
from flask.cli import AppGroup

from .outbox import failed_mails
from .services import send_due
from .smtp import mail_configured


@click.group("mail", cls=AppGroup)
def mail() -> None:
    """E-mail versturen."""


@mail.command("send")
def send_command() -> None:
    """Verstuur de e-mail die klaarstaat (en bundel de overzichten die aan de beurt zijn)."""
    if not mail_configured():
        raise click.ClickException("E-mail is niet ingesteld (RUGZAK_MAIL_HOST ontbreekt).")
    run = send_due()
    click.echo(f"Verstuurd: {run.sent}, later opnieuw: {run.retried}, mislukt: {run.failed}.")


@mail.command("failed")
def failed_command() -> None:
    """Toon de e-mail die definitief niet verstuurd kon worden."""
    rows = failed_mails()
    if not rows:
        click.echo("Geen mislukte e-mail.")
    for row in rows:
        click.echo(f"{row.created_at:%Y-%m-%d %H:%M} {row.address:<36} {row.kind:<16} "
                   f"{row.attempts}× {row.last_error}")
