"""Highlighted snippets: Whoosh's highlighter, fed by a faster token stream.

Whoosh finds the query's words in a hit by running the whole text through the field's analyzer,
token by token, then merges adjacent matches and cuts fragments around them, copying a Token
object per token. Every filter of the Dutch analyzer looks at one word at a time, so here each
distinct word is analysed once (and cached), the tokens are plain (start, end, matched form)
tuples, and only matched tokens become Token objects: the same fragments as Whoosh's
ContextFragmenter (ported below, line for line), a fraction of the work.
"""
from __future__ import annotations

import functools
import re
from collections import deque

from markupsafe import Markup, escape
from whoosh.analysis import Token
from whoosh.highlight import ContextFragmenter, HtmlFormatter, mkfrag, top_fragments

from .analysis import WORD_PATTERN, dutch_analyzer

SNIPPET_FIELDS = ("lesson", "body", "title")  # all analysed with the Dutch analyzer
_WORD = re.compile(WORD_PATTERN)
_ANALYZER = dutch_analyzer()


class SnippetFormatter(HtmlFormatter):
    """<mark> around the words; an ellipsis wherever the text goes on before or after."""

    def format(self, fragments, replace=False):
        text = super().format(fragments, replace)
        if not fragments:
            return text
        first, last = fragments[0], fragments[-1]
        before = "…" if _WORD.search(first.text[:first.startchar]) else ""
        rest = last.text[last.endchar:]  # fragments end at a word: keep a closing full stop
        after = "…" if _WORD.search(rest) else escape(rest.rstrip())
        return f"{before}{text}{after}"


def prepare(results) -> None:
    """Fragments of at most 240 characters around the words, marked with <mark>; the words to
    mark are found once for the page, not once per hit."""
    results.fragmenter = ContextFragmenter(maxchars=240, surround=70)
    results.formatter = SnippetFormatter(tagname="mark", between=" … ")
    results.marked_words = {name: _query_words(results, name) for name in SNIPPET_FIELDS}


def _query_words(results, fieldname: str) -> frozenset:
    from_bytes = results.searcher.schema[fieldname].from_bytes
    return frozenset(from_bytes(text) for _, text in
                     results.query_terms(expand=True, fieldname=fieldname))


def snippet(hit) -> Markup:
    """Up to two highlighted fragments of the first field that has a query word in it."""
    for name in SNIPPET_FIELDS:
        fragment = highlight(hit, name, top=2)
        if fragment:
            return Markup(fragment)  # Whoosh's HtmlFormatter escapes the text around <mark>
    lesson = hit.get("lesson", "")
    return escape(lesson[:240] + ("…" if len(lesson) > 240 else ""))


def highlight(hit, fieldname: str, top: int) -> str:
    """What `hit.highlights(fieldname, top)` gives (Whoosh re-analyses fields like ours)."""
    text = hit.get(fieldname)
    results = hit.results
    words = results.marked_words[fieldname]
    if not text or not words or not _mentions(text, words):
        return ""
    highlighter = results.highlighter
    fragments = _fragments(text, _spans(text, words), highlighter.fragmenter)
    return highlighter.formatter.format(top_fragments(
        fragments, top, highlighter.scorer, highlighter.order, minscore=1))


def _mentions(text: str, words: frozenset) -> bool:
    """Whether any word of `text` analyses to one of `words`: a field without one is skipped
    before its token stream is built."""
    return any(form in words for word in set(_WORD.findall(text)) for form, _ in _forms(word))


def _spans(text: str, words: frozenset):
    """(startchar, endchar, matched form or None) of the analyzer's index-mode tokens of
    `text` (stop words kept), consecutive matched tokens merged as Whoosh's
    `Highlighter._merge_matched_tokens` merges them (a matched token that does not touch the
    one before ends the merge and passes as it is)."""
    merged = None  # [startchar, endchar, text]
    for found in _WORD.finditer(text):
        start, end = found.span()
        for form, _stopped in _forms(found.group(0)):
            if form not in words:
                if merged is not None:
                    yield tuple(merged)
                    merged = None
                yield start, end, None
            elif merged is None:
                merged = [start, end, form]
            elif start <= merged[1]:
                if end > merged[1]:
                    merged[2] += form[merged[1] - end:]
                    merged[1] = end
            else:
                yield tuple(merged)
                merged = None
                yield start, end, form
    if merged is not None:
        yield tuple(merged)


def _fragments(text: str, spans, fragmenter: ContextFragmenter):
    """`ContextFragmenter.fragment_tokens` over (start, end, form) tuples."""
    maxchars, surround, charlimit = fragmenter.maxchars, fragmenter.surround, fragmenter.charlimit
    first, firsts, countdown, matched, endchar, currentlen = None, deque(), -1, [], None, 0
    for startchar, endchar, form in spans:
        length = endchar - startchar
        if charlimit and endchar > charlimit:
            break
        if countdown < 0 and form is None:
            firsts.append(startchar)
            while firsts and endchar - firsts[0] > surround:
                firsts.popleft()
        elif currentlen + length > maxchars:
            countdown = 0
        elif form is not None:
            countdown = surround
            if first is None:
                if firsts:
                    first = firsts[0]
                else:
                    first = startchar
                    countdown += surround
            matched.append(Token(text=form, startchar=startchar, endchar=endchar,
                                 matched=True))
        if countdown >= 0:
            currentlen += length
            countdown -= length
            if countdown <= 0:
                yield mkfrag(text, matched, startchar=first, endchar=endchar)
                first, firsts, matched, currentlen = None, deque(), [], 0
    if matched:
        yield mkfrag(text, matched, startchar=first, endchar=endchar)


@functools.lru_cache(maxsize=100_000)
def _forms(word: str) -> tuple[tuple[str, bool], ...]:
    return tuple((token.text, token.stopped)
                 for token in _ANALYZER(word, mode="index", removestops=False))
