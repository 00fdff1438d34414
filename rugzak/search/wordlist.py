"""Dutch word lists: stop words, known words, and compound splitting with wordfreq's Dutch list.

The word list is loaded lazily into a module-level cache. Whoosh pickles the analyzers into
every commit, so no filter may hold it.
"""
from __future__ import annotations

import functools
from collections.abc import Iterator

from whoosh.lang.stopwords import stoplists

from rugzak.search.stemming import STEM_OVERRIDES, fold

STOP_WORDS = stoplists["nl"]  # Snowball's Dutch stop list

LEXICON_SIZE = 30_000  # compound parts must be among this many most frequent words
WHOLE_RANK = 10_000  # words this frequent are words, not compounds: never split them
MIN_PART = 4
WORDS_SIZE = 60_000  # a query word among this many is a word, never a typo
LONG_TAIL = 8  # a last part this long may come from the longer list: hulp|verlening
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
    ranks: dict[str, int] = {}
    for rank, word in enumerate(_top_words()[:LEXICON_SIZE]):
        if word.isalpha():
            ranks.setdefault(fold(word), rank)
    return ranks


@functools.cache
def _words() -> frozenset[str]:
    """Folded Dutch words, more of them than compound parts may be drawn from."""
    return frozenset(fold(word) for word in _top_words() if word.isalpha())


@functools.cache
def _top_words() -> tuple[str, ...]:
    """wordfreq's most frequent Dutch words, most frequent first. wordfreq keeps its whole
    Dutch list (~15 MB) cached once read; only these words are needed, so it is let go."""
    import wordfreq  # imported on first use: it takes ~0.2 s

    words = tuple(wordfreq.top_n_list("nl", WORDS_SIZE))
    for cached in (wordfreq.top_n_list, wordfreq.get_frequency_list,
                   wordfreq.get_frequency_dict):
        cached.cache_clear()
    return words


def is_dutch_word(word: str) -> bool:
    """A word of wordfreq's Dutch list, or one the stemmer keeps apart (ouderen)."""
    folded = fold(word.lower())
    return folded in _words() or folded in STEM_OVERRIDES


def compound_parts(word: str) -> list[str]:
    """Surface parts of a Dutch compound, or [] when `word` is not one.

    `samenwerkingsafspraken` -> ['samenwerking', 'afspraken']; parts that are compounds
    themselves add their own parts: `keukentafelgesprek` -> keukentafel, keuken, tafel,
    gesprek. Parts are lower case and accent-folded.
    """
    return list(dict.fromkeys(_split_unless_whole(fold(word.lower()))))


def compound_leaves(word: str, split_frequent: bool = False) -> list[str]:
    """The smallest parts: `jeugdhulpverlening` -> jeugd, hulp, verlening. A frequent word
    counts as whole (no parts) unless `split_frequent`."""
    word = fold(word.lower())
    parts = _split(word) if split_frequent else _split_unless_whole(word)
    return [part for part in dict.fromkeys(parts) if len(_expand(part)) == 1]


def _split_unless_whole(word: str) -> tuple[str, ...]:
    if _ranks().get(word, LEXICON_SIZE) < WHOLE_RANK:
        return ()
    return _split(word)


@functools.lru_cache(maxsize=100_000)
def _split(word: str) -> tuple[str, ...]:
    """Longest known first part; a tail that is a known word (or a long one from the longer
    list) beats one that needs splitting."""
    for head, tail in _candidates(word):
        if _is_part(tail) or _is_long_tail(tail):
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


def _is_long_tail(word: str) -> bool:
    return len(word) >= LONG_TAIL and word not in _NOT_PARTS and word in _words()
