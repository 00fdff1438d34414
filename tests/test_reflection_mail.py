"""Reflection sessions by e-mail, end to end through the loopback SMTP server: the invitation
when a session is planned, in each person's language, naming nothing a partner may not see."""
from __future__ import annotations

import pytest

from rugzak.auth.models import User
from rugzak.extensions import db
from rugzak.mail.services import send_due

from . import test_reflection
from .mailserver import html_of, text_of

people = test_reflection.people
world = test_reflection.world
plan = test_reflection.plan


@pytest.fixture
def settings(smtp_server):
    return smtp_server.settings


def in_english(app, *refs) -> None:
    with app.app_context():
        for ref in refs:
            db.session.get(User, ref.id).locale = "en"
        db.session.commit()


def sent(app, smtp_server) -> dict:
    """What arrived, by address."""
    with app.app_context():
        send_due()
    return {mail["To"]: mail for mail in smtp_server.messages}


def test_planning_mails_each_invited_an_invitation_in_their_language(app, client, people,
                                                                     world, smtp_server):
    in_english(app, people["pim"])
    session = plan(client, people, world, "mira", "pim")
    mails = sent(app, smtp_server)
    assert set(mails) == {people["mira"].email, people["pim"].email}  # not the planner
    dutch, english = mails[people["mira"].email], mails[people["pim"].email]
    assert dutch["Subject"] == ("Uitnodiging voor de reflectiesessie „Intervisie regie” op "
                                "14 maart 2030")
    assert english["Subject"] == ("Invitation to the reflection session “Intervisie regie” on "
                                  "March 14, 2030")
    link = f"http://localhost/reflectie/{session}"
    for text in ("Stadhuis, zaal 2", "Intervisie", "Wat herkennen we?", "Kees Kern", link,
                 "Lees het materiaal: 1 ervaring."):
        assert text in text_of(dutch), text
    for text in ("Stadhuis, zaal 2", "Read the material: 1 experience.", link):
        assert text in text_of(english), text
    assert f'href="{link}"' in html_of(english)
    for mail in mails.values():
        assert "Interne knoop" not in text_of(mail) + html_of(mail)
        assert "List-Unsubscribe" not in mail
