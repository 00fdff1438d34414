"""The Dutch Whoosh analyzer, used both to index documents and to parse queries.

    words -> lower case -> fold accents -> drop stop words -> add word parts (index only) -> stem

(everything after the words in one filter, cached per distinct word).

Whoosh pickles the schema, analyzers included, into every commit: these filters hold no
state. Word lists and the stemmer live in module-level caches (see wordlist and stemming).
Renaming a filter class breaks existing indexes; rebuild them after doing so.
"""
from __future__ import annotations

import functools
import re

from whoosh.analysis import CompositeAnalyzer, Filter, LowercaseFilter, RegexTokenizer

from rugzak.search.stemming import fold, stem
from rugzak.search.wordlist import STOP_WORDS, compound_parts

__all__ = ["compound_parts", "dutch_analyzer", "fold", "index_positions", "plain_word_counts",
           "plain_words_analyzer"]

_LETTERS = r"(?:[^\W_]|[\u0300-\u036f])+"  # letters and digits, also with combining accents
_HYPHENS = "-\u2010\u2011"
WORD_PATTERN = rf"{_LETTERS}(?:[{_HYPHENS}]{_LETTERS})*"
_HYPHEN = re.compile(f"[{_HYPHENS}]")
_WORDS = re.compile(WORD_PATTERN)
MIN_WORD = 2  # shorter words are dropped like stop words (Whoosh's StopFilter minsize)


def dutch_analyzer() -> CompositeAnalyzer:
    """The analyzer for every Dutch text field; Whoosh passes mode="index" or "query"."""
    return RegexTokenizer(WORD_PATTERN) | DutchWordFilter()


def plain_words_analyzer() -> CompositeAnalyzer:
    """Whole words in lower case without accents (the spelling field: "Bedoelde je")."""
    return RegexTokenizer(WORD_PATTERN) | LowercaseFilter() | FoldFilter()


class FoldFilter(Filter):
    """Removes diacritics before stemming, so that `definiëren` and `definieren` stem alike."""

    def __call__(self, tokens):
        for token in tokens:
            token.text = fold(token.text)
            yield token


class DutchWordFilter(Filter):
    """Lower case, fold accents, drop stop words (and one-letter words), add word parts
    (index only), stem: in one step per token, each distinct word analysed once (cached),
    because a rebuild meets the same words millions of times.

    Word parts: at index time `co-creatie` -> cocreatie, co, creatie; `wijkteams` ->
    wijkteams, wijk, teams (each then stemmed). The extra forms share the token's position and
    characters, so phrases and highlighting keep working. Query time: `co-creatie` ->
    cocreatie; a query word's compound parts are the query builder's business (see
    `compound_parts`). Positions are renumbered over the words kept, as Whoosh's StopFilter
    does.
    """

    def __call__(self, tokens):
        position = None
        for token in tokens:
            stopped, forms = _analysed(token.text, token.mode == "index")
            if stopped:
                if not token.removestops:
                    token.text, token.stopped = forms[0], True
                    yield token
                continue
            if token.positions:
                position = token.pos if position is None else position + 1
                token.pos = position
            token.stopped = False
            for form in forms:
                token.text = form
                yield token


@functools.lru_cache(maxsize=200_000)
def _analysed(word: str, index: bool) -> tuple[bool, tuple[str, ...]]:
    """(is a stop word, its forms): the stems of the word and of its parts (index time)."""
    text = fold(word.lower())
    if len(text) < MIN_WORD or text in STOP_WORDS:
        return True, (text,)
    forms = _index_forms(text) if index else (_HYPHEN.sub("", text),)
    return False, tuple(stem(form) for form in forms)


def index_positions(text: str) -> dict[str, list[int]]:
    """Each form the Dutch analyzer indexes for `text`, with its positions: what
    `dutch_analyzer()(text, mode="index", positions=True)` yields, without a Token per word
    (a rebuild meets millions of words; tests/test_search_bulk_writing.py compares the two)."""
    positions: dict[str, list[int]] = {}
    position = None
    for number, match in enumerate(_WORDS.finditer(text)):
        stopped, forms = _analysed(match.group(), True)
        if stopped:
            continue
        position = number if position is None else position + 1
        for form in forms:
            positions.setdefault(form, []).append(position)
    return positions


def plain_word_counts(text: str) -> dict[str, int]:
    """How often each word of `text` occurs in lower case without accents: what the
    plain words analyzer (`plain_words_analyzer()`) yields, counted."""
    counts: dict[str, int] = {}
    for match in _WORDS.finditer(text):
        word = _plain(match.group())
        counts[word] = counts.get(word, 0) + 1
    return counts


@functools.lru_cache(maxsize=200_000)
def _plain(word: str) -> str:
    return fold(word.lower())


def _index_forms(text: str) -> tuple[str, ...]:
    pieces = _HYPHEN.split(text)
    words = [text]
    if len(pieces) > 1:
        kept = [piece for piece in pieces if len(piece) > 1 and piece not in STOP_WORDS]
        words = ["".join(pieces), *kept]
    forms = [form for word in words for form in (word, *compound_parts(word))]
    return tuple(dict.fromkeys(forms))
