"""Reading reflection sessions: the material a viewer may see, the steps of the run view, the
temperature check and its trend. Visibility is decided per experience at read time."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Select, and_, func, or_, select

from ..agenda.policies import can_view as can_view_item
from ..auth.models import User
from ..errors import InvalidInput, NotFound
from ..experiences.models import Effect, Experience, ExperienceCondition, Visibility
from ..extensions import db
from ..reports.selections import SOURCES
from ..reports.services import visible_in_order
from ..taxonomy.models import Condition
from .models import (
    MaterialKind,
    ReflectionMark,
    ReflectionQuestion,
    ReflectionSession,
    TemperatureTally,
    TemperatureVote,
    reflection_participants,
)
from .policies import may_plan

THRESHOLD = 3  # answers before a temperature check shows its results
SCORES = range(1, 6)


def has_partners(session: ReflectionSession) -> bool:
    return any(person.is_partner for person in [*session.participants, session.facilitator])


def material_args(session: ReflectionSession) -> dict[str, str]:
    """The report source's arguments that select this session's material."""
    if session.material_kind == MaterialKind.BUNDEL:
        return {"bundle": str(session.bundle_id or "")}
    if session.material_kind == MaterialKind.ZOEKOPDRACHT:
        return {"q": session.query}
    return {"start": session.period_start.isoformat() if session.period_start else "",
            "end": session.period_end.isoformat() if session.period_end else ""}


def material(user: User, session: ReflectionSession) -> list[Experience]:
    """The experiences of the session that `user` may see; in a session with partners only
    those shared with partners, so that nothing internal is ever shown in the room."""
    try:
        selection = SOURCES[session.material_kind](user, material_args(session))
    except (NotFound, InvalidInput):  # a bundle the viewer may not read, or one removed
        return []
    experiences = visible_in_order(user, selection.experience_ids)
    if has_partners(session):
        return [e for e in experiences if e.visibility == Visibility.MET_PARTNERS]
    return experiences


def mark_counts(session: ReflectionSession) -> Counter:
    """Per experience id: how many participants want to discuss it."""
    return Counter(dict(db.session.execute(
        select(ReflectionMark.experience_id, func.count())
        .where(ReflectionMark.session_id == session.id)
        .group_by(ReflectionMark.experience_id)).all()))


def my_marks(user: User, session: ReflectionSession) -> set[int]:
    return set(db.session.scalars(select(ReflectionMark.experience_id).where(
        ReflectionMark.session_id == session.id, ReflectionMark.user_id == user.id)))


def session_conditions(session: ReflectionSession) -> list[Condition]:
    """The conditions whose temperature this session checks (the active ones when planned)."""
    return list(db.session.scalars(
        select(Condition).where(Condition.id.in_(
            select(TemperatureTally.condition_id)
            .where(TemperatureTally.session_id == session.id)))
        .order_by(Condition.position, Condition.id)))


def voted_conditions(user: User, session: ReflectionSession) -> set[int]:
    return set(db.session.scalars(select(TemperatureVote.condition_id).where(
        TemperatureVote.session_id == session.id, TemperatureVote.user_id == user.id)))


@dataclass
class Step:
    """One screen of the run view: an experience, a participant's question or a condition."""

    key: str
    experience: Experience | None = None
    question: ReflectionQuestion | None = None
    condition: Condition | None = None
    marks: int = 0


def steps(user: User, session: ReflectionSession) -> list[Step]:
    """The most wanted experiences first, then the questions, then the conditions."""
    counts = mark_counts(session)
    shown = sorted(material(user, session), key=lambda e: -counts[e.id])
    return ([Step(f"ervaring-{e.id}", experience=e, marks=counts[e.id]) for e in shown]
            + [Step(f"vraag-{q.id}", question=q) for q in session.questions]
            + [Step(f"randvoorwaarde-{c.id}", condition=c)
               for c in session_conditions(session)])


@dataclass
class Temperature:
    """The answers for one condition: counts per score, shown from THRESHOLD answers on."""

    condition: Condition
    counts: list[int] = field(default_factory=lambda: [0] * len(SCORES))
    previous: list[tuple[date, float]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def shown(self) -> bool:
        return self.total >= THRESHOLD

    @property
    def mean(self) -> float:
        return sum(score * n for score, n in zip(SCORES, self.counts, strict=True)) / self.total


def temperatures(session: ReflectionSession) -> list[Temperature]:
    results = {c.id: Temperature(c) for c in session_conditions(session)}
    for tally in db.session.scalars(select(TemperatureTally).where(
            TemperatureTally.session_id == session.id)):
        results[tally.condition_id].counts[tally.score - 1] = tally.count
    for day, condition_id, mean in _means(_before(session)):
        if condition_id in results:
            results[condition_id].previous.append((day, mean))
    return list(results.values())


def _before(session: ReflectionSession):
    return or_(ReflectionSession.held_on < session.held_on,
               and_(ReflectionSession.held_on == session.held_on,
                    ReflectionSession.id < session.id))


def _means(where) -> list[tuple[date, int, float]]:
    """(day, condition id, mean) of the sessions matching `where` with enough answers."""
    total = func.sum(TemperatureTally.count)
    rows = db.session.execute(
        select(ReflectionSession.held_on, TemperatureTally.condition_id,
               func.sum(TemperatureTally.count * TemperatureTally.score), total)
        .join(ReflectionSession, ReflectionSession.id == TemperatureTally.session_id)
        .where(where)
        .group_by(ReflectionSession.id, ReflectionSession.held_on,
                  TemperatureTally.condition_id)
        .having(total >= THRESHOLD)
        .order_by(ReflectionSession.held_on, ReflectionSession.id)).all()
    return [(day, condition_id, weighted / count) for day, condition_id, weighted, count in rows]


@dataclass
class TrendRow:
    """One condition on /inzicht: how we experience it (session means) beside what we went
    through (hielp/ontbrak in experiences)."""

    condition: Condition
    means: list[tuple[date, float]]
    helped: int
    missing: int


def trend(experience_ids: Select, start: date, end: date) -> list[TrendRow]:
    effects = Counter({(condition_id, effect): n for condition_id, effect, n in
                       db.session.execute(
                           select(ExperienceCondition.condition_id, ExperienceCondition.effect,
                                  func.count())
                           .where(ExperienceCondition.experience_id.in_(experience_ids))
                           .group_by(ExperienceCondition.condition_id,
                                     ExperienceCondition.effect)).all()})
    means = _means(ReflectionSession.held_on.between(start, end))
    conditions = db.session.scalars(select(Condition).order_by(Condition.position, Condition.id))
    return [TrendRow(c, [(day, mean) for day, cid, mean in means if cid == c.id],
                     effects[(c.id, Effect.HIELP)], effects[(c.id, Effect.ONTBRAK)])
            for c in conditions]


def invited_sessions(user: User) -> Select:
    """The sessions `user` is invited to, soonest first."""
    invited = select(reflection_participants.c.session_id).where(
        reflection_participants.c.user_id == user.id)
    return (select(ReflectionSession)
            .where(or_(ReflectionSession.id.in_(invited),
                       ReflectionSession.facilitator_id == user.id))
            .order_by(ReflectionSession.held_on.desc(), ReflectionSession.id.desc()))


def all_sessions() -> Select:
    return select(ReflectionSession).order_by(ReflectionSession.held_on.desc(),
                                              ReflectionSession.id.desc())


def visible_sessions(user: User) -> Select:
    """Every session for the core team, the ones they are invited to for anyone else."""
    return all_sessions() if may_plan(user) else invited_sessions(user)


def upcoming_for(user: User) -> list[ReflectionSession]:
    """Open sessions `user` is invited to, from today on (the line on the home page)."""
    return list(db.session.scalars(invited_sessions(user).where(
        ReflectionSession.closed_at.is_(None), ReflectionSession.cancelled_at.is_(None),
        ReflectionSession.held_on >= date.today())))


def cancelled_for(user: User) -> list[ReflectionSession]:
    """Sessions `user` was invited to that were cancelled and would have been from today on
    (the home page tells)."""
    return list(db.session.scalars(invited_sessions(user).where(
        ReflectionSession.cancelled_at.is_not(None), ReflectionSession.held_on >= date.today())))


def by_organisation(session: ReflectionSession) -> list[tuple[str, list[str]]]:
    """Who took part (who was ticked present, or else who was invited), grouped by
    organisation name."""
    groups: dict[str, list[str]] = {}
    people = {p.id: p for p in session.attendees or [session.facilitator, *session.participants]}
    for person in people.values():
        name = person.organisation.name if person.organisation else "—"
        groups.setdefault(name, []).append(person.name)
    return sorted((name, sorted(names)) for name, names in groups.items())


def summary_context(user: User, session: ReflectionSession) -> dict:
    """What the summary page and its PDF show `user`: only material and notes they may see."""
    shown = {e.id: e for e in material(user, session)}
    visible_keys = ({f"ervaring-{number}" for number in shown}
                    | {f"vraag-{q.id}" for q in session.questions}
                    | {f"randvoorwaarde-{t.condition.id}" for t in temperatures(session)})
    return {"session": session, "groups": by_organisation(session),
            "notes": [n for n in session.notes if n.step_key in visible_keys],
            "experiences": shown, "temperatures": temperatures(session),
            "threshold": THRESHOLD,
            "items": [i for i in session.agenda_items if can_view_item(user, i)]}


def last_closed_sessions(count: int) -> list[ReflectionSession]:
    """The `count` most recently closed sessions, newest first, for the handover package:
    whoever may hand over gets their summaries (rendered with their own rights), which gives
    them no access to the sessions' pages."""
    return list(db.session.scalars(select(ReflectionSession)
                                   .where(ReflectionSession.closed_at.is_not(None))
                                   .order_by(ReflectionSession.closed_at.desc()).limit(count)))
