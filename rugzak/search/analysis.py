"""The Dutch Whoosh analyzer, used both to index documents and to parse queries.

    words -> lower case -> fold accents -> drop stop words -> add word parts (index only) -> stem

Whoosh pickles the schema, analyzers included, into every commit: these filters hold no
state. Word lists and the stemmer live in module-level caches (see wordlist and stemming).
Renaming a filter class breaks existing indexes; rebuild them after doing so.
"""
from __future__ import annotations

import functools
import re

from whoosh.analysis import (
    CompositeAnalyzer,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StopFilter,
)

from rugzak.search.stemming import fold, stem
from rugzak.search.wordlist import STOP_WORDS, compound_parts

__all__ = ["compound_parts", "dutch_analyzer", "fold"]

_LETTERS = r"(?:[^\W_]|[\u0300-\u036f])+"  # letters and digits, also with combining accents
_HYPHENS = "-\u2010\u2011"
WORD_PATTERN = rf"{_LETTERS}(?:[{_HYPHENS}]{_LETTERS})*"
_HYPHEN = re.compile(f"[{_HYPHENS}]")


def dutch_analyzer() -> CompositeAnalyzer:
    """The analyzer for every Dutch text field; Whoosh passes mode="index" or "query"."""
    return (
        RegexTokenizer(WORD_PATTERN)
        | LowercaseFilter()
        | FoldFilter()
        | StopFilter(stoplist=STOP_WORDS)
        | WordPartsFilter()
        | DutchStemFilter()
    )


class FoldFilter(Filter):
    """Removes diacritics before stemming, so that `definiëren` and `definieren` stem alike."""

    def __call__(self, tokens):
        for token in tokens:
            token.text = fold(token.text)
            yield token


class WordPartsFilter(Filter):
    """Hyphenated words and compounds.

    Index time: `co-creatie` -> cocreatie, co, creatie; `wijkteams` -> wijkteams, wijk, teams.
    The extra forms share the token's position and characters, so phrases and highlighting
    keep working. Query time: `co-creatie` -> cocreatie; a query word's compound parts are
    the query builder's business (see `compound_parts`).
    """

    def __call__(self, tokens):
        for token in tokens:
            if token.stopped:
                yield token
            elif token.mode == "index":
                for form in _index_forms(token.text):
                    token.text = form
                    yield token
            else:
                token.text = _HYPHEN.sub("", token.text)
                yield token


@functools.lru_cache(maxsize=100_000)
def _index_forms(text: str) -> tuple[str, ...]:
    pieces = _HYPHEN.split(text)
    words = [text]
    if len(pieces) > 1:
        kept = [piece for piece in pieces if len(piece) > 1 and piece not in STOP_WORDS]
        words = ["".join(pieces), *kept]
    forms = [form for word in words for form in (word, *compound_parts(word))]
    return tuple(dict.fromkeys(forms))


class DutchStemFilter(Filter):
    """Snowball 3 Dutch stemming with a few protected word families (see stemming)."""

    is_morph = True

    def __call__(self, tokens):
        for token in tokens:
            if not token.stopped:
                token.text = stem(token.text)
            yield token
