"""The word lists of the plain-language help, read from TOML files at run time."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

PACKAGE_WORDS = Path(__file__).with_name("words.toml")


@dataclass(frozen=True)
class WordLists:
    officialese: dict[str, str]  # officialese phrase (lower case) -> plain alternative
    abbreviations: frozenset[str]  # "bijv.", "o.a.": their full stop ends no sentence
    known_long_words: frozenset[str]  # long, but every reader knows them

    @cached_property
    def officialese_pattern(self) -> re.Pattern:
        """Any officialese phrase as a whole word (longest first), spaces matching any space."""
        phrases = sorted(self.officialese, key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
        return re.compile(rf"(?<![\w.])(?:{alternatives})(?!\w)", re.IGNORECASE)


def load_word_lists(*paths: Path) -> WordLists:
    """The lists of every file in `paths`, later files adding to earlier ones."""
    officialese: dict[str, str] = {}
    abbreviations: set[str] = set()
    known: set[str] = set()
    for path in paths:
        with path.open("rb") as file:
            data = tomllib.load(file)
        officialese.update({key.lower(): plain for key, plain in data.get("ambtelijk", {}).items()})
        abbreviations.update(_words(data, "afkortingen"))
        known.update(_words(data, "bekende_woorden"))
    return WordLists(officialese, frozenset(abbreviations), frozenset(known))


def _words(data: dict, table: str) -> list[str]:
    return [word.lower() for word in data.get(table, {}).get("woorden", [])]
