"""Plain-language figures for one text section (pure): sentences, words, syllables, the
Flesch–Douma score, long sentences, long words, and officialese with a plain alternative."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pyphen

from ..markdown import plain_text
from .wordlists import WordLists

LONG_SENTENCE_WORDS = 20  # more words than this: a long sentence
LONG_WORD_LETTERS = 15  # a word of this many letters or more is long…
LONG_WORD_SYLLABLES = 5  # …and so is one of this many syllables or more
MIN_WORDS_FOR_SCORE = 10  # below this, one long word decides the score: none is given
EASY_SCORE, FAIR_SCORE = 60, 45  # Flesch–Douma: 60+ reads at about B1, below 45 is hard
QUOTE_WORDS = 8  # a long sentence is quoted by its first words
MAX_LONG_WORDS = 5

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
SENTENCE_BREAK = re.compile(r"[.!?…]+[\"'”’)]*(?:\s+|$)|\n+")
LEADING_PUNCTUATION = "(\"'“‘"
LONE_FIRST_VOWEL = re.compile(r"[aeiou][^aeiouy][aeiouy]")


@dataclass(frozen=True)
class LongSentence:
    opening: str  # its first QUOTE_WORDS words, with "…" when there are more
    words: int


@dataclass(frozen=True)
class Officialese:
    phrase: str
    plain: str


@dataclass(frozen=True)
class Analysis:
    words: int
    sentences: int
    syllables: int
    long_sentences: tuple[LongSentence, ...]
    long_words: tuple[str, ...]
    officialese: tuple[Officialese, ...]

    @property
    def flesch_douma(self) -> float | None:
        """206.84 − 0.77 × syllables per 100 words − 0.93 × words per sentence."""
        if self.words < MIN_WORDS_FOR_SCORE:
            return None
        score = (206.84 - 0.77 * 100 * self.syllables / self.words
                 - 0.93 * self.words / self.sentences)
        return round(score, 1)

    @property
    def level(self) -> str | None:
        """"goed" (about B1), "redelijk" or "lastig"; None without a score."""
        score = self.flesch_douma
        if score is None:
            return None
        return "goed" if score >= EASY_SCORE else "redelijk" if score >= FAIR_SCORE else "lastig"


def analyse(markdown: str, lists: WordLists) -> Analysis:
    """The figures of a text section as its reader sees it, Markdown signs left out."""
    text = plain_text(markdown)
    sentences = [(sentence, WORD.findall(sentence)) for sentence in split_sentences(text, lists)]
    words = [word for _sentence, sentence_words in sentences for word in sentence_words]
    return Analysis(
        words=len(words), sentences=len(sentences),
        syllables=sum(syllables(word) for word in words),
        long_sentences=tuple(LongSentence(_opening(sentence), len(sentence_words))
                             for sentence, sentence_words in sentences
                             if len(sentence_words) > LONG_SENTENCE_WORDS),
        long_words=_long_words(words, lists),
        officialese=find_officialese(text, lists),
    )


def split_sentences(text: str, lists: WordLists) -> list[str]:
    """Sentences end at . ! ? … (not after an abbreviation or an initial, nor before a small
    letter) and at every line break: paragraphs and list items are sentences of their own."""
    sentences, start = [], 0
    for end in SENTENCE_BREAK.finditer(text):
        if _ends_sentence(text, start, end, lists):
            sentences.append(text[start:end.end()].strip())
            start = end.end()
    sentences.append(text[start:].strip())
    return [sentence for sentence in sentences if WORD.search(sentence)]


def _ends_sentence(text: str, start: int, end: re.Match, lists: WordLists) -> bool:
    if "\n" in end.group():
        return True
    following = text[end.end():end.end() + 1]
    if following.islower():
        return False
    before = text[start:end.end()].split()
    last = before[-1].lstrip(LEADING_PUNCTUATION).lower() if before else ""
    return last not in lists.abbreviations and not re.fullmatch(r"\w\.", last)


def syllables(word: str) -> int:
    """Syllables by the Dutch hyphenation patterns (pyphen, nl_NL), each part of a hyphenated
    word apart. The patterns never split off one letter at the start of a word, so a lone
    first vowel before a consonant and a vowel (o-ver-leg, a-gen-da, i-dee) is added."""
    return sum(_part_syllables(part) for part in re.split(r"['’-]", word.lower()) if part)


def _part_syllables(part: str) -> int:
    positions = _hyphenator().positions(part)
    lone_vowel = LONE_FIRST_VOWEL.match(part) and (not positions or positions[0] > 2)
    return len(positions) + 1 + (1 if lone_vowel else 0)


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL", left=1, right=1)


def find_officialese(text: str, lists: WordLists) -> tuple[Officialese, ...]:
    """Each officialese phrase in `text` once, in order of appearance, with its alternative."""
    found = dict.fromkeys(" ".join(match.lower().split())
                          for match in lists.officialese_pattern.findall(text))
    return tuple(Officialese(phrase, lists.officialese[phrase]) for phrase in found)


def _long_words(words: list[str], lists: WordLists) -> tuple[str, ...]:
    long = dict.fromkeys(word.lower() for word in words if _is_long(word))
    return tuple(word for word in long if word not in lists.known_long_words)[:MAX_LONG_WORDS]


def _is_long(word: str) -> bool:
    return len(word) >= LONG_WORD_LETTERS or syllables(word) >= LONG_WORD_SYLLABLES


def _opening(sentence: str) -> str:
    parts = sentence.split()
    opening = " ".join(parts[:QUOTE_WORDS])
    return f"{opening} …" if len(parts) > QUOTE_WORDS else opening
