"""Display names of reflection sessions' values."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from .models import MaterialKind, NoteKind

MATERIAL_LABELS = {
    MaterialKind.BUNDEL: _l("Een bundel"),
    MaterialKind.ZOEKOPDRACHT: _l("Een zoekopdracht"),
    MaterialKind.PERIODE: _l("Een periode"),
}

NOTE_LABELS = {NoteKind.NOTITIE: _l("Notitie"), NoteKind.INZICHT: _l("Inzicht")}
