"""Turning what a user typed into a Whoosh query, filtered to what they may see."""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from flask_babel import gettext as _
from whoosh import qparser
from whoosh.query import And, Every, NullQuery, Or, Query, Term

from ..auth.models import User
from ..synonyms.queries import synonym_key
from .documents import EXTERNAL_STATUS
from .wordlist import compound_leaves

TEXT_FIELDS = {"title": 3.0, "lesson": 2.0, "body": 1.0, "tags": 1.0}
COMPOUND_PART_WEIGHT = 0.4
FALLBACK_PART_WEIGHT = 0.2  # some of a compound's parts, when not all are found
_QUOTED_OR_WORD = re.compile(r'"[^"]*"?|[^\s()"]+')
_TOKEN = re.compile(r'"[^"]*"?|[()]|[^\s()"]+')
_OPERATORS = {"AND", "OR", "NOT", "EN", "OF", "NIET"}


class QuerySyntaxError(ValueError):
    """The query cannot be understood; the message is for the user, in Dutch."""


def visibility_filter(user: User) -> Query:
    """The index twin of experiences.queries.visible_experiences (a test keeps them equal).

    Experiences in the bin are not in the index at all (sync.write_experiences drops them).
    """
    uid = Term("author", str(user.id))
    parts: list[Query] = [Term("status", "gepubliceerd")]
    if not user.is_curator:
        parts.append(Or([Term("hidden", "nee"), uid]))
    if user.is_partner:
        parts.append(Or([Term("visibility", "met_partners"), uid]))
    return And(parts)


def copies_filter() -> Query:
    """Copies of what other municipalities share openly: everyone signed in may see them
    (search.documents.external_document); never part of the own visibility_filter."""
    return Term("status", EXTERNAL_STATUS)


def open_filter() -> Query:
    """The world's filter: only what is shared openly now (open.policies.is_shown)."""
    return Term("open", "ja")


def facet_filter(selected: dict[str, list[str]]) -> list[Query]:
    """One part per facet: any of its values (OF); the facets together (EN)."""
    return [Or([Term(field, value) for value in values])
            for field, values in selected.items() if values]


def parser(schema) -> qparser.QueryParser:
    """Plain words, "phrases", EN/OF/NIET (and AND/OR/NOT), parentheses; no field syntax."""
    parsed = qparser.MultifieldParser(list(TEXT_FIELDS), schema, fieldboosts=TEXT_FIELDS,
                                      group=qparser.AndGroup)
    for plugin in (qparser.FieldsPlugin, qparser.WildcardPlugin, qparser.RangePlugin,
                   qparser.OperatorsPlugin):
        parsed.remove_plugin_class(plugin)
    parsed.add_plugin(qparser.OperatorsPlugin(
        And=r"(?<=\s)(AND|EN)(?=\s)", Or=r"(?<=\s)(OR|OF)(?=\s)",
        Not=r"(^|(?<=(\s|[()])))(NOT|NIET)(?=\s)", AndNot=None, AndMaybe=None, Require=None))
    return parsed


def parse(text: str, searcher, synonyms: Mapping[str, list[str]]) -> Query:
    """An empty query means everything; a query of stop words alone matches nothing.

    `synonyms`: a folded word or phrase -> the other members of its group (see synonyms)."""
    if not text.strip():
        return Every()
    if text.count('"') % 2:
        raise QuerySyntaxError(_("Er ontbreekt een aanhalingsteken: zet een zinsdeel tussen "
                                 "twee aanhalingstekens, bijvoorbeeld \"warme overdracht\"."))
    if text.count("(") != text.count(")"):
        raise QuerySyntaxError(_("De haakjes in je zoekvraag sluiten niet: elk ( hoort bij "
                                 "een )."))
    try:
        expanded = expand_compounds(expand_synonyms(text, synonyms), indexed_word(searcher))
        query = parser(searcher.schema).parse(expanded)
    except Exception:  # noqa: BLE001 - Whoosh raises several kinds; the user needs one answer
        raise QuerySyntaxError(_("Deze zoekvraag begrijpen we niet. Probeer gewone woorden, "
                                 "of EN, OF en NIET tussen woorden.")) from None
    return NullQuery if query is None else query


def expand_compounds(text: str, indexed: Callable[[str], bool]) -> str:
    """A compound in the query also finds its parts written apart, weighted lower: all of them,
    and, lower still, shorter runs of them that make up half the word or more (see
    `part_runs`), so what has the whole word comes first and `schuldhulpaanvraag` still finds
    schuldhulp when no experience has all three parts."""
    pieces = []
    for match in _QUOTED_OR_WORD.finditer(text):
        token = match.group(0)
        if token.startswith('"') or token in _OPERATORS:
            continue
        if runs := part_runs(token, indexed):
            alternatives = " OR ".join(f"({' '.join(run)})^{weight}" for run, weight in runs)
            pieces.append((match.start(), match.end(), f"({token} OR {alternatives})"))
    return _replace_spans(text, pieces)


def part_runs(word: str, indexed: Callable[[str], bool]) -> list[tuple[list[str], float]]:
    """Runs of a compound's smallest parts that stand in for it, each with its weight, longest
    first, of parts the index knows.

    All parts: unless the word is frequent and the index knows it and all its parts
    (samenwerking is not samen + werking). Shorter runs only when the index lacks the whole
    word or one of its parts, and only runs with at least half of the parts' letters:
    `schuldhulp` stands in for `schuldhulpaanvraag`, `zorg` not for `mantelzorgwoning`."""
    leaves = compound_leaves(word, split_frequent=True)
    known = [leaf for leaf in leaves if indexed(leaf)]
    if not known:
        return []
    whole = indexed(word)
    runs = []
    if known == leaves and (compound_leaves(word) or not whole):
        runs.append((leaves, COMPOUND_PART_WEIGHT))
    if known != leaves or not whole:
        letters = sum(len(leaf) for leaf in leaves)
        runs += [(run, FALLBACK_PART_WEIGHT) for size in range(len(leaves) - 1, 0, -1)
                 for run in (leaves[start:start + size]
                             for start in range(len(leaves) - size + 1))
                 if set(run) <= set(known) and 2 * sum(len(part) for part in run) >= letters]
    return runs


def indexed_word(searcher) -> Callable[[str], bool]:
    """Whether a word, analysed as in a query, is in any text field of the index."""
    reader, analysed = searcher.reader(), searcher.schema["body"]

    def indexed(word: str) -> bool:
        terms = list(analysed.process_text(word, mode="query"))
        return bool(terms) and all(any((field, term) in reader for field in TEXT_FIELDS)
                                   for term in terms)
    return indexed


def expand_synonyms(text: str, synonyms: Mapping[str, list[str]]) -> str:
    """A word or phrase of a synonym group also searches the group's other members.

    Phrases are matched on consecutive plain words (or a quoted phrase as a whole), longest
    first; words after NIET stay in place and exclude the synonyms too."""
    if not synonyms:
        return text
    longest = max(len(key.split()) for key in synonyms)
    words = [match for match in _TOKEN.finditer(text)
             if match.group(0) not in ("(", ")", *_OPERATORS)]
    pieces, start = [], 0
    while start < len(words):
        for size in range(min(longest, len(words) - start), 0, -1):
            run = words[start:start + size]
            if not _consecutive(text, run):
                continue
            if others := synonyms.get(synonym_key(" ".join(m.group(0) for m in run))):
                original = text[run[0].start():run[-1].end()]
                members = [f"({original})" if size > 1 else original,
                           *(f'"{other}"' if " " in other else other for other in others)]
                pieces.append((run[0].start(), run[-1].end(), f"({' OR '.join(members)})"))
                start += size
                break
        else:
            start += 1
    return _replace_spans(text, pieces)


def _consecutive(text: str, run: list[re.Match]) -> bool:
    quoted = [match.group(0).startswith('"') for match in run]
    if any(quoted) and len(run) > 1:
        return False
    return all(not text[a.end():b.start()].strip() for a, b in zip(run, run[1:], strict=False))


def query_words(text: str) -> list[str]:
    """The plain words of a query, for spelling suggestions."""
    return [token for token in _QUOTED_OR_WORD.findall(text)
            if not token.startswith('"') and token not in _OPERATORS]


def max_typos(word: str) -> int:
    """How many edits a word may be off and still count as that word: none for short ones."""
    return 0 if len(word) < 4 else 1 if len(word) <= 6 else 2


def fuzzy_text(text: str, corrections: dict[str, list[str]]) -> str | None:
    """The query with each misspelled word also searching its corrections, or None.

    Words in a phrase and words after NIET/NOT (or in a group after it) keep their meaning.
    """
    pieces, depth, negated_below, pending_not = [], 0, None, False
    for token in _TOKEN.finditer(text):
        word = token.group(0)
        if word == "(":
            depth += 1
            if pending_not and negated_below is None:
                negated_below = depth
            pending_not = False
        elif word == ")":
            depth -= 1
            if negated_below is not None and depth < negated_below:
                negated_below = None
        elif word in _OPERATORS:
            pending_not = word in ("NOT", "NIET")
        else:
            if word in corrections and not pending_not and negated_below is None:
                pieces.append((token.start(), token.end(),
                               f"({' OF '.join([word, *corrections[word]])})"))
            pending_not = False
    return _replace_spans(text, pieces) if pieces else None


def _replace_spans(text: str, pieces: list[tuple[int, int, str]]) -> str:
    out, last = [], 0
    for start, end, replacement in pieces:
        out += [text[last:start], replacement]
        last = end
    return "".join([*out, text[last:]])
