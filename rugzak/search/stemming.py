"""Single-word normalisation for Dutch search: accent folding and stemming.

Stemming uses Snowball 3's `dutch` algorithm through PyStemmer (`dutch_porter` is the old
one, which leaves `evaluaties` alone and stems `afspraken` to `afsprak`).
"""
from __future__ import annotations

import functools
import threading
import unicodedata

import Stemmer

# Word families the stemmer would merge with unrelated words, each mapped to a stem of its
# own. Most lose a "ge": gemeente -> meen (like mening), begeleiding -> beleid, geweld -> wel,
# gezin -> zin, gezondheid -> zon, gebied -> bied (bieden), gelijk -> lijk (lijkt).
# `ouderen` (the elderly) must not meet `ouders` (parents); `kinderen` should meet `kind`.
_FAMILIES = {
    "begeleid": "begeleid begeleidt begeleiden begeleidde begeleidden begeleidend "
                "begeleidende begeleiding begeleidingen",
    "gebied": "gebied gebieden",
    "gelijk": "gelijk gelijke gelijkheid",
    "gemeente": "gemeente gemeenten gemeentes",
    "geweld": "geweld",
    "gezin": "gezin gezinnen",
    "gezond": "gezond gezonde gezonder gezondheid",
    "kind": "kind kinderen",
    "ouderen": "ouderen oudere",
}
STEM_OVERRIDES = {word: stem for stem, words in _FAMILIES.items() for word in words.split()}

_local = threading.local()  # PyStemmer objects must not be shared between threads


@functools.lru_cache(maxsize=100_000)
def fold(word: str) -> str:
    """Remove diacritics: `coöperatie` -> `cooperatie`, `definiëren` -> `definieren`."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@functools.lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The stem of a lower-case, folded word."""
    return STEM_OVERRIDES.get(word) or _stemmer().stemWord(word)


def _stemmer() -> Stemmer.Stemmer:
    if not hasattr(_local, "stemmer"):
        _local.stemmer = Stemmer.Stemmer("dutch", 0)  # no internal cache: stem() caches
    return _local.stemmer
