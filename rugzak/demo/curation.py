"""Demo curation: highlights, a bundle, recognitions and comments on the demo experiences."""
from __future__ import annotations

from sqlalchemy import select

from ..auth.models import User
from ..bundles.services import BundleInput, add_item, create_bundle
from ..comments.services import add_comment
from ..curation.services import highlight
from ..experiences.models import Experience
from ..extensions import db
from ..recognition.services import recognise

HIGHLIGHTS = [
    ("Schuldhulp en werkcoach samen aan één tafel",
     "Laat zien wat één gezamenlijk gesprek oplevert: minder dubbel werk, meer vertrouwen."),
    ("Een jaar warme overdracht: wat ons samenwerkingstraject opleverde",
     "Een partner die na een jaar eerlijk terugblikt, met cijfers en verbeterpunten."),
    ("Casusoverleg zonder regisseur: iedereen betrokken, niemand eigenaar",
     "Herkenbaar knelpunt: leg vooraf vast wie de regie heeft."),
]

BUNDLE = {
    "title": "Warme overdracht tussen organisaties",
    "intro": ("Materiaal voor de reflectiebijeenkomst over overdrachten. Lees de ervaringen "
              "vooraf en denk na over de vraag: **wat nemen we van elkaar over, en wie "
              "spreekt dat af?**"),
    "visibility": "met_partners",
    "items": [
        ("Dubbele intake bij UWV en gemeente voor dezelfde werkzoekende",
         "Het beginpunt: waarom overdrachten nu vaak misgaan."),
        ("Geen terugkoppeling over werkzoekenden die wij doorverwijzen", ""),
        ("Een jaar warme overdracht: wat ons samenwerkingstraject opleverde",
         "Wat een jaar samen oefenen opleverde."),
        ("Hoe meten we samen of de warme overdracht werkt?", "De open vraag voor de sessie."),
        ("Casusoverleg zonder regisseur: iedereen betrokken, niemand eigenaar",
         "Intern: alleen voor collega's van de gemeente zichtbaar."),
    ],
}

# (who, title) pairs; nobody recognises their own experience.
RECOGNITIONS = [
    ("youssef", "Dubbele intake bij UWV en gemeente voor dezelfde werkzoekende"),
    ("henk", "Dubbele intake bij UWV en gemeente voor dezelfde werkzoekende"),
    ("marieke", "Dubbele intake bij UWV en gemeente voor dezelfde werkzoekende"),
    ("sanne", "Casusoverleg zonder regisseur: iedereen betrokken, niemand eigenaar"),
    ("youssef", "Casusoverleg zonder regisseur: iedereen betrokken, niemand eigenaar"),
    ("esra", "Schuldhulp en werkcoach samen aan één tafel"),
    ("pieter", "Schuldhulp en werkcoach samen aan één tafel"),
    ("sanne", "Sleutelpersonen helpen over de taalbarrière bij schuldhulp"),
    ("youssef", "Privacy als reden om niet te delen: wat mag wél?"),
    ("sanne", "Privacy als reden om niet te delen: wat mag wél?"),
]

COMMENTS = [
    ("henk", "Dubbele intake bij UWV en gemeente voor dezelfde werkzoekende",
     "Bij ons speelt hetzelfde. Zullen we in het regionale overleg een vast "
     "overdrachtsformulier voorstellen?"),
    ("sanne", "Dubbele intake bij UWV en gemeente voor dezelfde werkzoekende",
     "Goed idee, ik neem het mee naar het volgende overleg."),
    ("marieke", "Casusoverleg zonder regisseur: iedereen betrokken, niemand eigenaar",
     "Wij spreken nu aan het begin van elk overleg af wie de regie heeft. Dat scheelt veel."),
    ("youssef", "Hoe meten we samen of de warme overdracht werkt?",
     "Misschien eerst samen bepalen wat *geslaagd* is, voordat we gaan tellen?"),
]


def load_curation(users: dict[str, User]) -> None:
    titles = {e.title: e for e in db.session.scalars(select(Experience))}
    curator = users["pieter"]
    for title, note in HIGHLIGHTS:
        highlight(titles[title], note)
    bundle = create_bundle(curator, BundleInput(BUNDLE["title"], BUNDLE["intro"],
                                                BUNDLE["visibility"]))
    for title, note in BUNDLE["items"]:
        add_item(bundle, titles[title], note)
    for who, title in RECOGNITIONS:
        recognise(users[who], titles[title])
    for who, title, body in COMMENTS:
        add_comment(users[who], titles[title], body)
