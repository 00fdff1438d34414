"""The defaults of a new installation (PRODUCT.md); seeding twice changes nothing."""
from sqlalchemy import select

from ..extensions import db
from ..text import slugify
from .models import Condition, Department, Goal

DEPARTMENTS = ["Werk en Inkomen", "Zorg en Welzijn (Wmo)", "Jeugd en Onderwijs"]

CONDITIONS = [
    ("Gezamenlijk doel en visie",
     "Een concreet gezamenlijk doel en visie definiëren, en die stap voor stap ontwikkelen en "
     "implementeren."),
    ("Verantwoordelijkheden", "Afspreken wie waar verantwoordelijk voor is."),
    ("Belang van het geheel",
     "Over je eigen schaduw heen stappen, boven je eigen belang uitstijgen, denken in het belang "
     "van het geheel."),
    ("Vertrouwen en aanspreken",
     "Elkaar volledig durven vertrouwen en elkaar (durven) aanspreken."),
    ("Transparantie",
     "Terugkoppeling van de voortgang, zowel met de gemeente als met de partners, in alle "
     "openheid."),
]

GOALS = [
    ("Integrale toegang", "Eén gezin, één plan, één regisseur."),
    ("Eigen kracht en participatie", ""),
    ("Van zorg naar preventie", ""),
    ("Werk boven uitkering", ""),
    ("Samenwerken met partners in de wijk", ""),
]



def seed_taxonomy() -> None:
    """Add the default departments, conditions and goals that are not there yet."""
    for name in DEPARTMENTS:
        _ensure(Department, slugify(name), name=name)
    for position, (name, description) in enumerate(CONDITIONS, start=1):
        _ensure(Condition, slugify(name), name=name, description=description, position=position)
    for position, (name, description) in enumerate(GOALS, start=1):
        _ensure(Goal, slugify(name), name=name, description=description, position=position)
    db.session.commit()


def _ensure(model, slug: str, **values) -> None:
    if db.session.scalar(select(model).filter_by(slug=slug)) is None:
        db.session.add(model(slug=slug, **values))
