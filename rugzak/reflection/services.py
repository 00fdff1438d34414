"""Use cases of reflection sessions; the pages call these, and each checks its own rules."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from ..agenda.services import AgendaInput, create_item
from ..agenda.services import find_problems as agenda_problems
from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..auth.policies import require
from ..bundles.models import Bundle
from ..errors import InvalidInput, NotFound
from ..experiences.models import Visibility
from ..extensions import db
from ..privacy.findings import screen, store_confirmed
from ..taxonomy.models import Condition
from ..text import slugify
from ..timeutil import utcnow
from . import mails
from .models import (
    MaterialKind,
    NoteKind,
    ReflectionFormat,
    ReflectionMark,
    ReflectionNote,
    ReflectionQuestion,
    ReflectionSession,
    TemperatureTally,
    TemperatureVote,
)
from .policies import is_invited, may_change, may_plan, may_run
from .queries import SCORES, has_partners, material, session_conditions, steps

TITLE_MAX = 200
PLACE_MAX = 500
QUERY_MAX = 500
TEXT_MAX = 5_000
NAME_MAX = 120


@dataclass
class SessionInput:
    title: str = ""
    held_on: date | None = None
    place: str = ""
    format_id: int | None = None
    facilitator_id: int | None = None
    participant_ids: list[int] = field(default_factory=list)
    material_kind: str = ""
    bundle_id: int | None = None
    query: str = ""
    period_start: date | None = None
    period_end: date | None = None


def plan_session(user: User, data: SessionInput) -> ReflectionSession:
    """A new session; its temperature check covers the conditions that are active now."""
    require(may_plan(user))
    people = _checked_people(data)
    session = ReflectionSession(created_by=user)
    _fill(session, data, people)
    db.session.add(session)
    db.session.flush()
    for condition in db.session.scalars(select(Condition).where(Condition.active.is_(True))):
        for score in SCORES:
            db.session.add(TemperatureTally(session_id=session.id, condition_id=condition.id,
                                            score=score, count=0))
    record(Action.REFLECTION_PLANNED, target=session, actor=user,
           detail=f"{session.title} ({len(people)} deelnemers)")
    mails.invite(user, session, [session.facilitator, *people])
    db.session.commit()
    return session


def change_session(user: User, session: ReflectionSession,
                   data: SessionInput) -> ReflectionSession:
    """Change a planned session under the rules of planning; who is newly invited gets the
    invitation, who is no longer invited is told (with the title and day they knew). The
    temperature check keeps its conditions."""
    require(may_change(user, session))
    people = _checked_people(data)
    before = [session.facilitator, *session.participants]
    known = mails.Announced(session.title, session.held_on)
    _fill(session, data, people)
    record(Action.REFLECTION_CHANGED, target=session, actor=user,
           detail=f"{session.title} ({len(people)} deelnemers)")
    now = [session.facilitator, *people]
    mails.invite(user, session, [person for person in now if person not in before])
    mails.uninvited(user, known, [person for person in before if person not in now])
    db.session.commit()
    return session


def cancel_session(user: User, session: ReflectionSession) -> None:
    """The session does not take place: the invited see it in Rugzak and get a mail."""
    require(may_change(user, session))
    session.cancelled_at = utcnow()
    record(Action.REFLECTION_CANCELLED, target=session, actor=user, detail=session.title)
    mails.cancelled(user, session, [session.facilitator, *session.participants])
    db.session.commit()


def _checked_people(data: SessionInput) -> list[User]:
    """The participants of a valid plan; InvalidInput with every problem otherwise."""
    errors = plan_problems(data)
    if errors:
        raise InvalidInput(errors)
    return _people(data.participant_ids)


def _fill(session: ReflectionSession, data: SessionInput, people: list[User]) -> None:
    session.title, session.held_on = data.title.strip(), data.held_on
    session.place = data.place.strip()
    session.format = db.session.get(ReflectionFormat, data.format_id)
    session.facilitator = db.session.get(User, data.facilitator_id)
    session.participants = people
    session.attendees = [p for p in session.attendees if p in [session.facilitator, *people]]
    _set_material(session, data)


def _set_material(session: ReflectionSession, data: SessionInput) -> None:
    session.material_kind = data.material_kind
    session.bundle_id, session.query = None, ""
    session.period_start = session.period_end = None
    if data.material_kind == MaterialKind.BUNDEL:
        session.bundle_id = data.bundle_id
    elif data.material_kind == MaterialKind.ZOEKOPDRACHT:
        session.query = data.query.strip()
    else:
        session.period_start, session.period_end = data.period_start, data.period_end


def plan_problems(data: SessionInput) -> dict[str, str]:
    """Every problem with a planned session, in Dutch, by field name."""
    errors = {}
    if not data.title.strip():
        errors["title"] = _("Geef de sessie een titel.")
    elif len(data.title) > TITLE_MAX:
        errors["title"] = _("De titel mag hoogstens %(count)d tekens hebben.", count=TITLE_MAX)
    if data.held_on is None:
        errors["held_on"] = _("Vul de datum van de sessie in.")
    if not data.place.strip():
        errors["place"] = _("Vul een plaats of een online link in.")
    elif len(data.place) > PLACE_MAX:
        errors["place"] = _("De plaats mag hoogstens %(count)d tekens hebben.", count=PLACE_MAX)
    chosen = db.session.get(ReflectionFormat, data.format_id) if data.format_id else None
    if chosen is None or not chosen.active:
        errors["format_id"] = _("Kies een werkvorm.")
    facilitator = db.session.get(User, data.facilitator_id) if data.facilitator_id else None
    if facilitator is None or not facilitator.active or facilitator.is_partner:
        errors["facilitator_id"] = _("Kies een gespreksleider van de gemeente.")
    people = _people(data.participant_ids)
    if not data.participant_ids:
        errors["participant_ids"] = _("Nodig minstens één deelnemer uit.")
    elif len(people) != len(set(data.participant_ids)):
        errors["participant_ids"] = _("Kies deelnemers uit de lijst.")
    return errors | _material_problems(data, people)


def _people(ids: list[int]) -> list[User]:
    wanted = set(ids)
    return list(db.session.scalars(select(User).where(User.id.in_(wanted),
                                                      User.active.is_(True)))) if wanted else []


def _material_problems(data: SessionInput, people: list[User]) -> dict[str, str]:
    if data.material_kind == MaterialKind.BUNDEL:
        bundle = db.session.get(Bundle, data.bundle_id) if data.bundle_id else None
        if bundle is None:
            return {"bundle_id": _("Kies een bundel.")}
        if bundle.visibility != Visibility.MET_PARTNERS and any(p.is_partner for p in people):
            return {"bundle_id": _("Deze bundel is niet gedeeld met partners; kies een "
                                   "gedeelde bundel of nodig geen partners uit.")}
        return {}
    if data.material_kind == MaterialKind.ZOEKOPDRACHT:
        if not data.query.strip():
            return {"query": _("Vul een zoekopdracht in.")}
        if len(data.query) > QUERY_MAX:
            return {"query": _("De zoekopdracht mag hoogstens %(count)d tekens hebben.",
                               count=QUERY_MAX)}
        return {}
    if data.material_kind == MaterialKind.PERIODE:
        if data.period_start is None or data.period_end is None:
            return {"period_start": _("Vul het begin en het einde van de periode in.")}
        if data.period_end < data.period_start:
            return {"period_end": _("De einddatum ligt vóór de begindatum.")}
        return {}
    return {"material_kind": _("Kies het materiaal: een bundel, een zoekopdracht of een "
                               "periode.")}


def toggle_mark(user: User, session: ReflectionSession, experience_id: int) -> bool:
    """Mark an experience of the material "wil ik bespreken", or take the mark back; whether
    it is marked now."""
    _require_open_participant(user, session)
    if experience_id not in {e.id for e in material(user, session)}:
        raise NotFound()
    mark = db.session.scalar(select(ReflectionMark).filter_by(
        session_id=session.id, user_id=user.id, experience_id=experience_id))
    if mark is None:
        db.session.add(ReflectionMark(session_id=session.id, user_id=user.id,
                                      experience_id=experience_id))
    else:
        db.session.delete(mark)
    db.session.commit()
    return mark is None


def ask_question(user: User, session: ReflectionSession, text: str,
                 confirmed: bool = False) -> ReflectionQuestion:
    """`confirmed`: the writer confirmed the resident-data findings (rugzak/privacy/check.py)."""
    _require_open_participant(user, session)
    text = _checked_text(text, "question")
    findings = screen({"question": text}, confirmed)
    question = ReflectionQuestion(session=session, author_id=user.id, text=text)
    db.session.add(question)
    store_confirmed(question, findings, user)
    db.session.commit()
    return question


def answer_temperature(user: User, session: ReflectionSession, condition_id: int | None,
                       score: int | None) -> None:
    """Count a 1–5 score without the person; who answered is kept apart, to refuse a second
    answer."""
    _require_open_participant(user, session)
    if condition_id not in {c.id for c in session_conditions(session)}:
        raise InvalidInput({"condition_id": _("Kies een randvoorwaarde van deze sessie.")})
    if score not in SCORES:
        raise InvalidInput({"score": _("Kies een score van 1 tot en met 5.")})
    already = {"score": _("Je hebt deze randvoorwaarde al een score gegeven.")}
    if db.session.scalar(select(TemperatureVote.id).filter_by(
            session_id=session.id, condition_id=condition_id, user_id=user.id)) is not None:
        raise InvalidInput(already)
    db.session.add(TemperatureVote(session_id=session.id, condition_id=condition_id,
                                   user_id=user.id))
    db.session.execute(update(TemperatureTally).where(
        TemperatureTally.session_id == session.id, TemperatureTally.condition_id == condition_id,
        TemperatureTally.score == score).values(count=TemperatureTally.count + 1))
    try:
        db.session.commit()
    except IntegrityError:  # the same person's second answer, sent at the same moment
        db.session.rollback()
        raise InvalidInput(already) from None


def add_note(user: User, session: ReflectionSession, step_key: str, kind: str,
             text: str, confirmed: bool = False) -> ReflectionNote:
    """A note or insight on one step of the run view; `confirmed` as for ask_question."""
    _require_open_runner(user, session)
    errors = {}
    if step_key not in {step.key for step in steps(user, session)}:
        errors["step_key"] = _("Dit onderdeel hoort niet bij de sessie.")
    if kind not in set(NoteKind):
        errors["kind"] = _("Kies: notitie of inzicht.")
    try:
        text = _checked_text(text, "note")
    except InvalidInput as problem:
        errors |= problem.errors
    if errors:
        raise InvalidInput(errors)
    findings = screen({"note": text}, confirmed)
    note = ReflectionNote(session=session, step_key=step_key, kind=kind, text=text,
                          author_id=user.id)
    db.session.add(note)
    store_confirmed(note, findings, user)
    db.session.commit()
    return note


def decide(user: User, session: ReflectionSession, data: AgendaInput):
    """A decision becomes an agenda item on the spot (the agenda's own rules apply), shared
    with partners when partners take part."""
    _require_open_runner(user, session)
    errors = agenda_problems(user, data)
    shown = {e.id for e in material(user, session)}
    if any(number not in shown for number in data.experience_ids):
        errors["experience_ids"] = _("Kies ervaringen uit het materiaal van deze sessie.")
    if errors:
        raise InvalidInput(errors)
    data.shared_with_partners = has_partners(session)
    item = create_item(user, data)
    session.agenda_items.append(item)
    db.session.commit()
    return item


def record_attendance(user: User, session: ReflectionSession, user_ids: list[int]) -> None:
    """Who was there, ticked among the invited by who runs the session; the summary's "who
    took part" follows it (nobody ticked: the invited)."""
    _require_open_runner(user, session)
    invited = {person.id: person for person in [session.facilitator, *session.participants]}
    if not set(user_ids) <= set(invited):
        raise InvalidInput({"attendee_ids": _("Kies de aanwezigen uit de genodigden.")})
    session.attendees = [person for number, person in invited.items() if number in user_ids]
    db.session.commit()


def close_session(user: User, session: ReflectionSession) -> None:
    _require_open_runner(user, session)
    session.closed_at = utcnow()
    record(Action.REFLECTION_CLOSED, target=session, actor=user, detail=session.title)
    mails.summary(session)
    db.session.commit()


def save_format(user: User, kept: ReflectionFormat | None, name: str, questions: str,
                per_condition: bool, active: bool = True) -> ReflectionFormat:
    """Add a format (`kept` None) or change one; the slug stays what it was."""
    require(may_plan(user))
    errors = {}
    if not name.strip():
        errors["name"] = _("Geef de werkvorm een naam.")
    elif len(name) > NAME_MAX:
        errors["name"] = _("De naam mag hoogstens %(count)d tekens hebben.", count=NAME_MAX)
    if not [line for line in questions.splitlines() if line.strip()]:
        errors["questions"] = _("Schrijf minstens één vraag, één per regel.")
    elif len(questions) > TEXT_MAX:
        errors["questions"] = _("De vragen mogen samen hoogstens %(count)d tekens hebben.",
                                count=TEXT_MAX)
    if errors:
        raise InvalidInput(errors)
    if kept is None:
        kept = ReflectionFormat(slug=_free_slug(name))
        db.session.add(kept)
    kept.name, kept.questions = name.strip(), questions.strip()
    kept.per_condition, kept.active = per_condition, active
    db.session.commit()
    return kept


def _free_slug(name: str) -> str:
    base = slugify(name) or "werkvorm"
    taken = set(db.session.scalars(select(ReflectionFormat.slug)))
    candidates = [base, *(f"{base}-{number}" for number in range(2, len(taken) + 3))]
    return next(slug for slug in candidates if slug not in taken)


def _checked_text(text: str, name: str) -> str:
    if not text.strip():
        raise InvalidInput({name: _("Schrijf eerst een tekst.")})
    if len(text) > TEXT_MAX:
        raise InvalidInput({name: _("Een tekst mag hoogstens %(count)d tekens hebben.",
                                    count=TEXT_MAX)})
    return text.strip()


def _require_open_participant(user: User, session: ReflectionSession) -> None:
    require(is_invited(user, session) and session.is_open)


def _require_open_runner(user: User, session: ReflectionSession) -> None:
    require(may_run(user, session) and session.is_open)
