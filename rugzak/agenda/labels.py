"""Dutch labels for agenda statuses and the fields named in an item's history."""
from flask_babel import lazy_gettext as _l

from .models import AgendaStatus

STATUS_LABELS = {
    AgendaStatus.IDEE: _l("Idee"),
    AgendaStatus.LOOPT: _l("Loopt"),
    AgendaStatus.GEREALISEERD: _l("Gerealiseerd"),
    AgendaStatus.GESTOPT: _l("Gestopt"),
}

FIELD_LABELS = {
    "created": _l("Agendapunt aangemaakt"),
    "title": _l("Titel"),
    "description": _l("Beschrijving"),
    "owner": _l("Eigenaar"),
    "status": _l("Status"),
    "target_date": _l("Streefdatum"),
    "shared_with_partners": _l("Gedeeld met partners"),
    "experiences": _l("Ervaringen"),
    "progress": _l("Voortgang toegevoegd"),
}
