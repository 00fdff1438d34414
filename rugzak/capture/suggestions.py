"""Goals, conditions and tags suggested for a concept: from its own text, with the search's
Dutch analysis (stop words, accent folding, stemming), and from the similar published
experiences its author may see (the search's "vergelijkbare ervaringen"). Deterministic and
explained: every suggestion says why it is there; nothing is applied until the person accepts.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import select

from ..auth.models import User
from ..experiences.models import Effect, Experience, Kind, Status, experience_tags
from ..experiences.policies import visible_clause
from ..experiences.queries import visible_experiences
from ..extensions import db
from ..search.analysis import dutch_analyzer
from ..search.engine import related
from ..taxonomy.models import Condition, Goal, Tag

SIMILAR_COUNT = 5  # similar experiences read for suggestions
MIN_STEM = 3  # shorter stems say too little to suggest anything
MISSING_WORDS = frozenset({"geen", "niet", "nooit", "niemand", "zonder", "weinig", "nauwelijks",
                           "onvoldoende", "gebrek", "ontbrak", "ontbraken", "ontbreekt",
                           "ontbreken", "miste", "misten", "mist"})
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass
class Suggestion:
    kind: str  # "goal", "condition" or "tag"
    value: str  # a slug, or a tag's name
    label: str
    ticked: bool = False
    effect: str = ""  # a condition's hielp or ontbrak
    reasons: list[str] = field(default_factory=list)


@dataclass
class Suggestions:
    goals: list[Suggestion]
    conditions: list[Suggestion]
    tags: list[Suggestion]
    similar: list[Experience]


@dataclass
class _TextMatch:
    words: list[str]  # as the person wrote them
    all_of_name: bool
    sentences: list[str]


def suggest(user: User, experience: Experience) -> Suggestions:
    """What may fit `experience` (a concept of `user`), with what it already has ticked."""
    text = "\n".join((experience.title, experience.situation, experience.lesson, experience.tip))
    analysed = _analysed(text)
    similar = similar_experiences(user, experience)
    chosen_goals = {goal.slug for goal in experience.goals}
    chosen_conditions = {link.condition.slug: link.effect for link in experience.conditions}
    chosen_tags = {tag.name for tag in experience.tags}
    goals = [_suggestion("goal", goal.slug, goal.name,
                         _match(analysed, goal.name, goal.description),
                         [g.slug for e in similar for g in e.goals], len(similar), chosen_goals)
             for goal in _active(Goal, Goal.position)]
    conditions = [_condition(c, _match(analysed, c.name, c.description), similar,
                             chosen_conditions, experience.kind)
                  for c in _active(Condition, Condition.position)]
    tags = [_suggestion("tag", name, name, _match(analysed, name),
                        [t.name for e in similar for t in e.tags], len(similar), chosen_tags)
            for name in _tag_names(user, chosen_tags)]
    return Suggestions(goals=_shown(goals), conditions=_shown(conditions), tags=_shown(tags),
                       similar=similar)


def similar_experiences(user: User, experience: Experience) -> list[Experience]:
    """The published experiences `user` may see that search finds most like `experience`."""
    ids = [hit.id for hit in related(user, experience.id, top=SIMILAR_COUNT)]
    if not ids:
        return []
    found = {row.id: row for row in db.session.scalars(
        visible_experiences(user).where(Experience.id.in_(ids)))}
    return [found[id_] for id_ in ids if id_ in found]


@dataclass
class _Analysed:
    text: str
    stems: dict[str, tuple[str, int]]  # stem -> the first word it came from, where it starts


def _analysed(text: str) -> _Analysed:
    stems: dict[str, tuple[str, int]] = {}
    for token in _analyzer()(text, mode="query", chars=True):
        if len(token.text) >= MIN_STEM:
            stems.setdefault(token.text, (text[token.startchar:token.endchar],
                                          token.startchar))
    return _Analysed(text, stems)


@functools.cache
def _analyzer():
    """The search's analyzer; it holds no state, so one serves every request."""
    return dutch_analyzer()


@functools.lru_cache(maxsize=10_000)
def _name_stems(text: str) -> tuple[str, ...]:
    """The stems of a taxonomy name or description (each taxonomy text is analysed once)."""
    words = [token.text for token in _analyzer()(text, mode="query")]
    return tuple(dict.fromkeys(word for word in words if len(word) >= MIN_STEM))


def _match(analysed: _Analysed, name: str, description: str = "") -> _TextMatch | None:
    """A name word in the text, or two words of the description; None when neither."""
    stems = analysed.stems
    in_name = [stem for stem in _name_stems(name) if stem in stems]
    in_description = [stem for stem in _name_stems(description)
                      if stem in stems and stem not in in_name]
    if not in_name and len(in_description) < 2:
        return None
    found = in_name + in_description
    return _TextMatch(words=list(dict.fromkeys(stems[stem][0] for stem in found)),
                      all_of_name=len(in_name) == len(_name_stems(name)),
                      sentences=[_sentence_at(analysed.text, stems[stem][1]) for stem in found])


def _sentence_at(text: str, position: int) -> str:
    starts = [0] + [m.end() for m in SENTENCE_END.finditer(text) if m.end() <= position]
    end = SENTENCE_END.search(text, position)
    return text[starts[-1]:end.start() if end else len(text)]


def _suggestion(kind: str, value: str, label: str, match: _TextMatch | None,
                in_similar: list[str], similar_count: int, chosen) -> Suggestion:
    """Pre-ticked when already chosen, when the text names all of it, when the text names part
    of it and a similar experience has it too, or when most similar experiences have it."""
    suggestion = Suggestion(kind, value, label, ticked=value in chosen)
    if value in chosen:
        suggestion.reasons.append(_("al gekozen"))
    if match:
        suggestion.reasons.append(_text_reason(match))
    shared = in_similar.count(value)
    if shared:
        suggestion.reasons.append(ngettext("staat bij %(num)d vergelijkbare ervaring",
                                           "staat bij %(num)d vergelijkbare ervaringen", shared))
    suggestion.ticked |= bool(match and (match.all_of_name or shared)) \
        or shared * 2 > similar_count
    return suggestion


def _condition(condition: Condition, match: _TextMatch | None, similar: list[Experience],
               chosen: dict[str, str], kind: str) -> Suggestion:
    effects = [link.effect for e in similar for link in e.conditions
               if link.condition_id == condition.id]
    suggestion = _suggestion("condition", condition.slug, condition.name, match,
                             [condition.slug] * len(effects), len(similar), chosen)
    suggestion.effect = (chosen.get(condition.slug) or _effect_in_text(match, kind)
                         or _most_common(effects))
    return suggestion


def _effect_in_text(match: _TextMatch | None, kind: str) -> str:
    """Ontbrak when a sentence naming the condition says something was missing ("geen",
    "weinig", "ontbrak", …) or the experience is a knelpunt; otherwise hielp."""
    if match is None:
        return ""
    words = {word.lower() for sentence in match.sentences for word in re.findall(r"\w+",
                                                                                  sentence)}
    if words & MISSING_WORDS or kind == Kind.KNELPUNT:
        return Effect.ONTBRAK
    return Effect.HIELP


def _most_common(effects: list[str]) -> str:
    """The effect most similar experiences give; hielp on a tie."""
    counts = Counter(effects)
    return Effect.ONTBRAK if counts[Effect.ONTBRAK] > counts[Effect.HIELP] else Effect.HIELP


def _text_reason(match: _TextMatch) -> str:
    quoted = ", ".join(f"‘{word}’" for word in match.words)
    return _("komt voor in je tekst: %(words)s", words=quoted)


def _shown(suggestions: list[Suggestion]) -> list[Suggestion]:
    """Only what has a reason; ticked ones first, each group in the taxonomy's own order."""
    kept = [s for s in suggestions if s.reasons]
    return [s for s in kept if s.ticked] + [s for s in kept if not s.ticked]


def _active(model, order) -> list:
    return list(db.session.scalars(select(model).where(model.active.is_(True)).order_by(order)))


def _tag_names(user: User, chosen: set[str]) -> list[str]:
    """Tags on published experiences `user` may see, and those already chosen: a tag used only
    where the user may not look is not shown to them."""
    used = (select(experience_tags.c.tag_id)
            .join(Experience, Experience.id == experience_tags.c.experience_id)
            .where(visible_clause(user), Experience.status == Status.GEPUBLICEERD))
    names = db.session.scalars(select(Tag.name).where(Tag.id.in_(used)).order_by(Tag.name))
    return sorted(set(names) | chosen)
