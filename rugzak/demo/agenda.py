"""Demo agenda items for the toekomstagenda, made through the same services as the pages.

Target dates are relative to the day the demo is loaded, so one item is always overdue.
"""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from ..agenda.services import AgendaInput, add_progress, create_item
from ..auth.models import User
from ..experiences.models import Experience
from ..extensions import db

ITEMS = [
    {
        "by": "sanne", "owner": "partner:uwv", "shared": True, "days": -30,
        "title": "Vaste overdrachtsafspraken met UWV bij doorstroom van WW naar bijstand",
        "description": "Samen vastleggen wie welk gesprek voert en welke informatie we van "
                       "elkaar overnemen, zodat een werkzoekende niet twee keer hetzelfde "
                       "verhaal hoeft te doen.",
        "from": ["Dubbele intake bij UWV en gemeente voor dezelfde werkzoekende",
                 "Geen terugkoppeling over werkzoekenden die wij doorverwijzen"],
        "progress": [("henk", "Eerste overleg met de teamleiders gepland; conceptafspraken "
                              "liggen klaar.", "loopt")],
    },
    {
        "by": "youssef", "owner": "department:zorg-en-welzijn-wmo", "shared": False,
        "days": 90,
        "title": "Eén regisseur per huishouden met meerdere hulpvragen",
        "description": "Bij een huishouden met vragen op meerdere terreinen spreken we bij de "
                       "eerste melding af wie de regie houdt.",
        "from": ["Drie keukentafelgesprekken in één maand bij hetzelfde huishouden",
                 "Casusoverleg zonder regisseur: iedereen betrokken, niemand eigenaar"],
        "progress": [],
    },
    {
        "by": "pieter", "owner": "user:pieter", "shared": True, "days": -60,
        "title": "Buurtkamer als vaste werkplek voor wijkteam en woonconsulent",
        "description": "Twee vaste dagdelen per week samen in de buurtkamer.",
        "from": ["Buurtkamer als vaste plek voor wijkteams en woonconsulenten"],
        "progress": [("esra", "De buurtkamer is ingericht; het rooster staat.", "loopt"),
                     ("pieter", "Na drie maanden geëvalueerd: we gaan zo door.",
                      "gerealiseerd")],
    },
    {
        "by": "marieke", "owner": "partner:welzijn-samen-sterk", "shared": True, "days": 150,
        "title": "Jonge mantelzorgers eerder vinden via school en welzijnswerk",
        "description": "Een gezamenlijke signaalkaart voor leerkrachten en jongerenwerkers.",
        "from": ["Hoe vinden we jonge mantelzorgers eerder?"],
        "progress": [],
    },
]


def load_demo_agenda(users: dict[str, User]) -> None:
    """Create the demo items; `users` maps demo keys to accounts."""
    titles = {e.title: e.id for e in db.session.scalars(select(Experience))}
    for spec in ITEMS:
        owner = spec["owner"]
        if owner.startswith("user:"):
            owner = f"user:{users[owner.split(':', 1)[1]].id}"
        item = create_item(users[spec["by"]], AgendaInput(
            title=spec["title"], description=spec["description"], owner=owner,
            target_date=date.today() + timedelta(days=spec["days"]),
            shared_with_partners=spec["shared"],
            experience_ids=[titles[title] for title in spec["from"]]))
        for author, text, status in spec["progress"]:
            add_progress(users[author], item, text, status, item.version)
