"""Dutch word lists: stop words, and compound splitting with wordfreq's Dutch list.

The word list is loaded lazily into a module-level cache. Whoosh pickles the analyzers into
every commit, so no filter may hold it.
"""
from __future__ import annotations

import functools
from collections.abc import Iterator

from whoosh.lang.stopwords import stoplists

from rugzak.search.stemming import fold

STOP_WORDS = stoplists["nl"]  # Snowball's Dutch stop list

LEXICON_SIZE = 30_000  # compound parts must be among this many most frequent words
WHOLE_RANK = 10_000  # words this frequent are words, not compounds: never split them
MIN_PART = 4
LINKS = ("", "s", "en", "e")  # linking letters: samenwerking|s|afspraken, ouder|en|zorg
# Suffixes that are also words in the list: gezond|heid, letter|lijk, ouder|schap.
_SUFFIXES = frozenset({
    "aars", "achtig", "achtige", "baar", "bare", "eren", "ende", "heden", "heid", "ingen",
    "isch", "ische", "lijk", "lijke", "lijks", "ling", "lingen", "loos", "loze", "schap",
    "schappen", "ster", "sters", "tjes",
})
_NOT_PARTS = _SUFFIXES | STOP_WORDS


@functools.cache
def _ranks() -> dict[str, int]:
    """Folded word -> frequency rank (0 is the most frequent)."""
    import wordfreq  # imported on first use: it takes ~0.2 s

    ranks: dict[str, int] = {}
    for rank, word in enumerate(wordfreq.top_n_list("nl", LEXICON_SIZE)):
        if word.isalpha():
            ranks.setdefault(fold(word), rank)
    return ranks


def compound_parts(word: str) -> list[str]:
    """Surface parts of a Dutch compound, or [] when `word` is not one.

    `samenwerkingsafspraken` -> ['samenwerking', 'afspraken']; parts that are compounds
    themselves add their own parts: `keukentafelgesprek` -> keukentafel, keuken, tafel,
    gesprek. Parts are lower case and accent-folded.
    """
    return list(dict.fromkeys(_split_unless_whole(fold(word.lower()))))


def _split_unless_whole(word: str) -> tuple[str, ...]:
    if _ranks().get(word, LEXICON_SIZE) < WHOLE_RANK:
        return ()
    return _split(word)


@functools.lru_cache(maxsize=100_000)
def _split(word: str) -> tuple[str, ...]:
    """Longest known first part; a tail that is a known word beats one that needs splitting."""
    for head, tail in _candidates(word):
        if _is_part(tail):
            return _expand(head) + _expand(tail)
    for head, tail in _candidates(word):
        if tail_parts := _split(tail):
            return _expand(head) + tail_parts
    return ()


def _candidates(word: str) -> Iterator[tuple[str, str]]:
    """(head, tail) pairs, longest known head first, with an optional linking element."""
    for end in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head = word[:end]
        if not _is_part(head):
            continue
        for link in LINKS:
            if word.startswith(link, end) and len(word) - end - len(link) >= MIN_PART:
                yield head, word[end + len(link):]


def _expand(part: str) -> tuple[str, ...]:
    return (part, *_split_unless_whole(part))


def _is_part(word: str) -> bool:
    return len(word) >= MIN_PART and word not in _NOT_PARTS and word in _ranks()
