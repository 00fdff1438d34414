"""Reflection sessions by e-mail, end to end through the loopback SMTP server: the invitation
when a session is planned, in each person's language, naming nothing a partner may not see."""
from __future__ import annotations

import re

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


def vote(client, people, session: int, condition: int, votes: dict) -> None:
    url = f"/reflectie/{session}"
    for name, score in votes.items():
        client.login(people[name].email)
        client.submit(f"{url}/temperatuur", {"condition_id": str(condition), "score": str(score)},
                      page=url)
        client.logout()


def test_closing_mails_everyone_the_summary_with_their_own_rights(app, client, people, world,
                                                                  smtp_server):
    in_english(app, people["pim"])
    session = plan(client, people, world, "mira", "cor", "pim")
    first, second = test_reflection.conditions(app)[:2]
    vote(client, people, session, first, {"mira": 2, "cor": 4, "pim": 5})
    vote(client, people, session, second, {"mira": 1, "cor": 1})  # too few to show
    client.login(people["kern"].email)
    run = f"/reflectie/{session}/leiden"
    step = re.search(r'name="step_key" value="([^"]+)"', client.get(run).get_data(
        as_text=True)).group(1)
    client.submit(f"{run}/notitie?stap=1", {"step_key": step, "kind": "inzicht",
                                             "note": "Eén regisseur werkt beter."}, page=run)
    client.submit(f"{run}/besluit?stap=1", {
        "title": "Vaste regisseur per gezin", "owner": f"user:{people['mira'].id}",
        "target_date": "2030-06-30", "experience_ids": str(world["shared"])}, page=run)
    sent(app, smtp_server)
    smtp_server.messages.clear()  # the invitations
    assert client.submit(f"/reflectie/{session}/afsluiten", page=run).status_code == 302
    mails = sent(app, smtp_server)
    assert set(mails) == {people[name].email for name in ("kern", "mira", "cor", "pim")}
    dutch, english = text_of(mails[people["cor"].email]), text_of(mails[people["pim"].email])
    assert mails[people["cor"].email]["Subject"] == ("Verslag van de reflectiesessie "
                                                     "„Intervisie regie”")
    for text in ("Inzicht (bij Samen aan de keukentafel): Eén regisseur werkt beter.",
                 "Vaste regisseur per gezin — eigenaar: Mira Medewerker",
                 "3 antwoorden, gemiddeld 3,7", "UWV: Pim Partner",
                 f"http://localhost/reflectie/{session}/verslag.pdf"):
        assert text in dutch, text
    assert "2 antwoorden" not in dutch
    for text in ("Eén regisseur werkt beter.", "Vaste regisseur per gezin",
                 "3 answers, mean 3.7", f"http://localhost/reflectie/{session}/verslag"):
        assert text in english, text
    for mail in mails.values():
        assert "Interne knoop" not in text_of(mail) + html_of(mail)

