"""Matching a query against the whole index at once, with numpy arrays per segment.

Whoosh matches document by document in Python, which is too slow when a query matches tens of
thousands of experiences. Here each query node becomes a boolean mask and a score array over a
segment's documents, with Whoosh's own BM25F scores and combination rules (a union adds the
scores of what matched, an intersection adds all, a NOT-part counts 1, a boost multiplies; a
phrase scores as the sum of its words). Query types without a rule here are matched by Whoosh
itself and turned into arrays. The visibility filter is a mask like any other, applied before
anything is counted.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from whoosh import query as wq
from whoosh.scoring import BM25F

from .segments import SEGMENTS, live_mask
from .whoosh_private import bm25f_b

NO_DOCS = np.zeros(0, dtype=np.int64)
MAX_SLOP = 10


@dataclass
class Ranked:
    """Matched documents (global docnums) in result order, with their scores."""
    docnums: np.ndarray
    scores: np.ndarray


class Matches:
    """Every allowed document matching a query, per segment."""

    def __init__(self, parts: list):
        self.parts = parts  # (segment reader, docnum offset, mask, scores)

    def __len__(self) -> int:
        return sum(int(mask.sum()) for _, _, mask, _ in self.parts)

    def minus(self, other: "Matches") -> "Matches":
        return Matches([(reader, offset, mask & ~other_mask, scores)
                        for (reader, offset, mask, scores), (_, _, other_mask, _)
                        in zip(self.parts, other.parts, strict=True)])

    def docnums(self) -> np.ndarray:
        found = [np.flatnonzero(mask) + offset for _, offset, mask, _ in self.parts]
        return np.concatenate(found) if found else NO_DOCS

    def facet_counts(self, fieldname: str) -> dict[str, int]:
        counts: dict[str, int] = {}
        for reader, _, mask, _ in self.parts:
            facet = SEGMENTS.facet(reader, fieldname)  # without the empty value
            if not facet.values:
                continue  # a field that holds nothing here (no years, nothing highlighted)
            found = np.bincount(facet.codes[mask[facet.docs]], minlength=len(facet.values))
            for value, count in zip(facet.values, found.tolist(), strict=True):
                if count:
                    counts[value] = counts.get(value, 0) + count
        return counts

    def ranked(self, limit: int, columns: tuple[str, ...] = ()) -> Ranked:
        """By score (ties: lower docnum first), or by sortable columns, most significant
        first, each highest first (ties: higher docnum first), as Whoosh's
        `sortedby=[...], reverse=True`."""
        docnums = self.docnums()
        scores = np.concatenate([scores[mask] for _, _, mask, scores in self.parts]) \
            if self.parts else np.zeros(0)
        if columns:
            keys = [np.concatenate([SEGMENTS.column(reader, column)[mask]
                                    for reader, _, mask, _ in self.parts])
                    if self.parts else np.zeros(0) for column in columns]
            top = _at_least_top(keys[0], limit)
            order = top[np.lexsort((docnums[top], *(key[top] for key in reversed(keys))))
                        [::-1][:limit]]
        else:
            top = _at_least_top(scores, limit)
            order = top[np.lexsort((docnums[top], -scores[top]))[:limit]]
        return Ranked(docnums[order], scores[order])


def _at_least_top(values: np.ndarray, limit: int) -> np.ndarray:
    """Positions of the `limit` highest values, and of every value tied with the lowest of
    them, so that sorting only these gives the same first `limit` as sorting everything."""
    if limit <= 0:
        return NO_DOCS
    if len(values) <= limit:
        return np.arange(len(values))
    lowest = np.partition(values, len(values) - limit)[len(values) - limit]
    return np.flatnonzero(values >= lowest)


def match(searcher, query: wq.Query, allowed: wq.Query) -> Matches:
    parts = []
    for reader, offset in searcher.reader().leaf_readers():
        segment = _Segment(searcher, reader, offset)
        mask, scores = segment.evaluate(query)
        allowed_mask, _ = segment.evaluate(allowed)
        parts.append((reader, offset, mask & allowed_mask & segment.live, scores))
    return Matches(parts)


class _Segment:
    def __init__(self, searcher, reader, offset: int):
        self.searcher, self.reader, self.offset = searcher, reader, offset
        self.size = reader.doc_count_all()
        self.live = live_mask(reader)

    def empty(self) -> tuple[np.ndarray, np.ndarray]:
        return np.zeros(self.size, dtype=bool), np.zeros(self.size)

    def evaluate(self, node: wq.Query) -> tuple[np.ndarray, np.ndarray]:
        if node is wq.NullQuery:
            return self.empty()
        if isinstance(node, wq.Term):
            return self.term(node)
        if isinstance(node, wq.Every) and node.fieldname in (None, "", "*"):
            return self.live.copy(), np.where(self.live, float(node.boost), 0.0)
        if isinstance(node, wq.Not):
            inside, _ = self.evaluate(node.query)
            outside = self.live & ~inside
            return outside, outside.astype(np.float64)  # Whoosh's InverseMatcher weighs 1
        if isinstance(node, (wq.And, wq.Or)) and type(node) in (wq.And, wq.Or) \
                and not (isinstance(node, wq.Or) and (node.minmatch or node.scale)):
            return self.compound(node)
        if isinstance(node, wq.Phrase) and node.slop <= MAX_SLOP:
            return self.phrase(node)
        if isinstance(node, wq.AndNot):
            mask, scores = self.evaluate(node.a)
            excluded, _ = self.evaluate(node.b)
            mask &= ~excluded
            return mask, np.where(mask, scores, 0.0)
        return self.by_whoosh(node)

    def term(self, node: wq.Term) -> tuple[np.ndarray, np.ndarray]:
        schema = self.reader.schema
        if node.fieldname not in schema:
            return self.empty()
        fieldobj = schema[node.fieldname]
        try:
            btext = fieldobj.to_bytes(node.text)
        except ValueError:
            return self.empty()
        postings = SEGMENTS.postings(self.reader, node.fieldname, btext)
        mask, scores = self.empty()
        if not len(postings.ids):
            return mask, scores
        mask[postings.ids] = True
        if fieldobj.scorable and isinstance(self.searcher.weighting, BM25F):
            scores[postings.ids] = self.bm25(node.fieldname, node.text, postings)
        else:
            scores[postings.ids] = postings.weights
        if node.boost != 1.0:
            scores *= node.boost
        return mask, scores

    def bm25(self, fieldname: str, text, postings) -> np.ndarray:
        weighting, searcher = self.searcher.weighting, self.searcher
        b = bm25f_b(weighting, fieldname)
        k1 = weighting.K1
        idf = searcher.idf(fieldname, text)
        avgfl = searcher.avg_field_length(fieldname) or 1
        tf = postings.weights.astype(np.float64)  # Whoosh computes in Python floats
        fl = SEGMENTS.lengths(self.reader, fieldname)[postings.ids]
        return idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * fl / avgfl)))

    def compound(self, node) -> tuple[np.ndarray, np.ndarray]:
        subs = node.subqueries
        if not subs:
            return self.empty()
        if len(subs) == 1:  # Whoosh ignores the boost of a one-part compound
            return self.evaluate(subs[0])
        both = isinstance(node, wq.And)
        mask, scores = (array.copy() for array in self.evaluate(subs[0]))
        for sub in subs[1:]:  # every score array is 0 wherever its mask is False
            sub_mask, sub_scores = self.evaluate(sub)
            if both:
                mask &= sub_mask
            else:
                mask |= sub_mask
            scores += sub_scores
        if node.boost != 1.0:
            scores *= node.boost
        if both:
            scores[~mask] = 0.0
        return mask, scores

    def phrase(self, node: wq.Phrase) -> tuple[np.ndarray, np.ndarray]:
        """Whoosh scores a phrase as the sum of its words' scores, times its boost."""
        if node.fieldname not in self.reader.schema or not node.words:
            return self.empty()
        fieldobj = self.reader.schema[node.fieldname]
        try:
            btexts = tuple(fieldobj.to_bytes(word) for word in node.words)
        except ValueError:
            return self.empty()
        if any((node.fieldname, btext) not in self.reader for btext in btexts):
            return self.empty()
        words = [self.term(wq.Term(node.fieldname, word)) for word in node.words]
        candidates = np.logical_and.reduce([mask for mask, _ in words])
        mask, _ = self.empty()
        mask[SEGMENTS.phrase(self.reader, node.fieldname, btexts, node.slop, candidates)] = True
        scores = np.sum([scores for _, scores in words], axis=0) * node.boost
        return mask, np.where(mask, scores, 0.0)

    def by_whoosh(self, node: wq.Query) -> tuple[np.ndarray, np.ndarray]:
        """Any other query type: Whoosh matches it, posting by posting."""
        mask, scores = self.empty()
        subsearcher = next(sub for sub, offset in self.searcher.leaf_searchers()
                           if offset == self.offset)
        matcher = node.matcher(subsearcher, self.searcher.context())
        ids, found = [], []
        while matcher.is_active():
            ids.append(matcher.id())
            found.append(matcher.score())
            matcher.next()
        mask[ids] = True
        scores[ids] = found
        return mask, scores
