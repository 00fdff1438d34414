"""Highlight and hide experiences. These marks are not edits of the text: they make no new
version and leave the "last changed" date alone, but search follows them at once."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import update

from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..auth.policies import may_curate, require
from ..errors import InvalidInput
from ..experiences.models import Experience
from ..extensions import db
from ..notifications.services import experience_highlighted
from ..open.services import end_open_sharing
from ..privacy.findings import screen, store_confirmed
from ..search.changelog import EXPERIENCE, record_changes
from ..timeutil import utcnow

NOTE_MAX = 300
REASON_MAX = 500


def highlight(actor: User, experience: Experience, note: str, confirmed: bool = False) -> None:
    """Highlight with a note on why it matters, or change the note of a highlight. `confirmed`:
    the resident-data findings in the note are confirmed (rugzak/privacy/check.py)."""
    require(may_curate(actor))
    note = note.strip()
    if not experience.is_published:
        raise InvalidInput({"note": _("Alleen een gepubliceerde ervaring kun je uitlichten.")})
    if experience.is_hidden:
        raise InvalidInput({"note": _("Een verborgen ervaring kun je niet uitlichten.")})
    _check_text(note, "note", _("Schrijf kort waarom deze ervaring ertoe doet."), NOTE_MAX)
    findings = screen({"note": note}, confirmed, experience)
    changing = experience.is_highlighted
    _mark(experience, highlighted_at=experience.highlighted_at or utcnow(), highlight_note=note)
    record(Action.EXPERIENCE_HIGHLIGHTED, target=experience,
           detail="toelichting gewijzigd" if changing else "")
    store_confirmed(experience, findings, actor)
    if not changing:
        experience_highlighted(actor, experience)
    db.session.commit()


def remove_highlight(actor: User, experience: Experience) -> None:
    require(may_curate(actor))
    if experience.is_highlighted:
        _mark(experience, highlighted_at=None, highlight_note=None)
        record(Action.EXPERIENCE_UNHIGHLIGHTED, target=experience)
        db.session.commit()


def hide(actor: User, experience: Experience, reason: str, confirmed: bool = False) -> None:
    """Hide for everyone but the core team, the administrator and the author; ends a highlight."""
    require(may_curate(actor))
    reason = reason.strip()
    if not experience.is_published:
        raise InvalidInput({"reason": _("Alleen een gepubliceerde ervaring kun je verbergen.")})
    if experience.is_hidden:
        raise InvalidInput({"reason": _("Deze ervaring is al verborgen.")})
    _check_text(reason, "reason", _("Schrijf de reden op; de auteur krijgt die te zien."),
                REASON_MAX)
    findings = screen({"reason": reason}, confirmed, experience)
    if experience.is_highlighted:
        record(Action.EXPERIENCE_UNHIGHLIGHTED, target=experience, detail="verborgen")
    _mark(experience, hidden_at=utcnow(), hidden_reason=reason, highlighted_at=None,
          highlight_note=None)
    record(Action.EXPERIENCE_HIDDEN, target=experience)
    end_open_sharing(experience, "verborgen")
    store_confirmed(experience, findings, actor)
    db.session.commit()


def restore(actor: User, experience: Experience) -> None:
    require(may_curate(actor))
    if experience.is_hidden:
        _mark(experience, hidden_at=None, hidden_reason=None)
        record(Action.EXPERIENCE_UNHIDDEN, target=experience)
        db.session.commit()


def _check_text(text: str, field: str, empty_message: str, maximum: int) -> None:
    if not text:
        raise InvalidInput({field: empty_message})
    if len(text) > maximum:
        raise InvalidInput({field: _("Gebruik hoogstens %(count)d tekens.", count=maximum)})


def _mark(experience: Experience, **values) -> None:
    db.session.execute(update(Experience).where(Experience.id == experience.id).values(**values))
    record_changes(db.session, EXPERIENCE, [experience.id])
