"""How experiences are named on pages, in reports and exports: labels and the author's name."""
from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..auth.models import User
from ..auth.roles import Role
from .models import Experience, Kind, Visibility

KIND_LABELS = {
    Kind.SUCCES: _l("Succes"),
    Kind.KNELPUNT: _l("Knelpunt"),
    Kind.LES: _l("Les"),
    Kind.VRAAG: _l("Vraag"),
}
VISIBILITY_LABELS = {
    Visibility.INTERN: _l("Intern (alleen de gemeente)"),
    Visibility.MET_PARTNERS: _l("Met partners"),
}
EFFECT_LABELS = {"hielp": _l("hielp"), "ontbrak": _l("ontbrak")}
STATUS_LABELS = {"concept": _l("Concept"), "gepubliceerd": _l("Gepubliceerd")}


def author_label(experience: Experience, viewer: User | None) -> str:
    """The author's name, or "een collega van …" for an anonymous experience."""
    author = experience.author
    if reveals_author(experience, viewer):
        return author.name
    organisation = author.organisation
    if organisation is None:
        return _("een collega")
    return _("een collega van %(organisation)s", organisation=organisation.name)


def reveals_author(experience: Experience, viewer: User | None) -> bool:
    return not experience.anonymous or (viewer is not None and (
        viewer.id == experience.author_id or viewer.role == Role.BEHEERDER))
