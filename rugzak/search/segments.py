"""Arrays read once per Whoosh segment: posting lists, field lengths, sort keys, facet values.

A segment never changes after it is written (only its deletions do, and those are applied per
searcher), so everything here is cached by segment id for the life of the process and shared
by its threads. Postings are kept in a cache bounded by size; merged-away segments fall out of
the segment cache. The codec's blocks and columns are read through whoosh_private;
tests/test_search_matching.py checks the results against Whoosh's own matchers.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
from whoosh.fields import NUMERIC

from .documents import FACETS
from .whoosh_private import (
    deleted_docnums,
    field_lengths,
    numeric_column,
    posting_blocks,
    segment_id,
)

MAX_POSTINGS = 8_000_000  # 8 bytes each: about 64 MB of cached posting lists per process
WARM_POSTINGS = 4_000_000  # read ahead of the first search: the most frequent words' lists
NOT_WARMED = frozenset({"spelling", "id"})  # read for suggestions / by id, never as lists
MAX_SEGMENTS = 64
EMPTY_IDS = np.zeros(0, dtype=np.int32)


@dataclass
class Postings:
    ids: np.ndarray  # int32 segment docnums, deleted documents included
    weights: np.ndarray  # float32, as Whoosh stores them


@dataclass
class FacetValues:
    """Every (document, value) pair of a keyword field: counting is one bincount."""
    values: list[str]
    docs: np.ndarray
    codes: np.ndarray


@dataclass
class SegmentData:
    lengths: dict[str, np.ndarray] = field(default_factory=dict)
    columns: dict[str, np.ndarray] = field(default_factory=dict)
    facets: dict[str, FacetValues] = field(default_factory=dict)
    warmed: bool = False


class SegmentCache:
    def __init__(self):
        self._lock = threading.Lock()
        self._segments: OrderedDict[str, SegmentData] = OrderedDict()
        self._postings: OrderedDict[tuple, Postings] = OrderedDict()
        self._cached_postings = 0

    def segment(self, reader) -> SegmentData:
        key = segment_id(reader)
        with self._lock:
            data = self._segments.get(key)
            if data is None:
                data = self._segments[key] = SegmentData()
                while len(self._segments) > MAX_SEGMENTS:
                    self._segments.popitem(last=False)
            self._segments.move_to_end(key)
            return data

    def postings(self, reader, fieldname: str, btext: bytes) -> Postings:
        key = (segment_id(reader), fieldname, btext)
        with self._lock:
            if key in self._postings:
                self._postings.move_to_end(key)
                return self._postings[key]
        postings = read_postings(reader, fieldname, btext)
        with self._lock:
            if key not in self._postings:
                self._postings[key] = postings
                self._cached_postings += len(postings.ids)
            while self._cached_postings > MAX_POSTINGS and len(self._postings) > 1:
                _, dropped = self._postings.popitem(last=False)
                self._cached_postings -= len(dropped.ids)
        return postings

    def warm(self, searcher) -> None:
        """Read the posting lists of the index's most frequent words (filters and facets
        included) before a search needs them. A posting list costs ~0.7 µs a posting to
        read the first time, so the frequent words are what makes a first search slow; the
        rare ones are cheap. Meant for the indexer thread: segments warmed before are skipped.
        """
        readers = [reader for reader, _ in searcher.reader().leaf_readers()
                   if not self.segment(reader).warmed]
        words = sorted(((info.doc_frequency(), reader, fieldname, btext)
                        for reader in readers for fieldname in _warmed_fields(reader.schema)
                        for btext, info in reader.iter_field(fieldname)),
                       key=lambda word: word[0], reverse=True)
        budget = WARM_POSTINGS
        for frequency, reader, fieldname, btext in words:
            if frequency > budget:
                break
            self.postings(reader, fieldname, btext)
            budget -= frequency
        for reader in readers:
            self._warm_arrays(reader)
            self.segment(reader).warmed = True

    def _warm_arrays(self, reader) -> None:
        """Field lengths (scoring), sortable numbers (sorting) and facet values (counting)."""
        for fieldname, kind in reader.schema.items():
            if kind.scorable:
                self.lengths(reader, fieldname)
            if isinstance(kind, NUMERIC) and kind.column_type is not None:
                self.column(reader, fieldname)
        for fieldname in FACETS:
            self.facet(reader, fieldname)

    def phrase(self, reader, fieldname: str, btexts: tuple[bytes, ...], slop: int,
               candidates: np.ndarray) -> np.ndarray:
        """Documents where the words follow each other in order, each at most `slop` positions
        after the one before (Whoosh's SpanNear2, mindist 1). `candidates` must hold every
        document with all the words; only their positions are decoded."""
        key = ("phrase", segment_id(reader), fieldname, btexts, slop)
        with self._lock:
            if key in self._postings:
                self._postings.move_to_end(key)
                return self._postings[key].ids
        docs, ends = read_positions(reader, fieldname, btexts[0], candidates)
        for btext in btexts[1:]:
            word_docs, positions = read_positions(reader, fieldname, btext, candidates)
            following = word_docs << 32 | positions
            chains = [(step, np.isin(docs << 32 | (ends + step), following))
                      for step in range(1, slop + 1)]
            docs, ends = (np.concatenate([docs[chain] for _, chain in chains]),
                          np.concatenate([ends[chain] + step for step, chain in chains]))
        found = np.unique(docs)
        with self._lock:
            self._postings[key] = Postings(found.astype(np.int32), np.zeros(0, np.float32))
            self._cached_postings += len(found)
        return found

    def lengths(self, reader, fieldname: str) -> np.ndarray:
        """Each document's length of a field, as Whoosh's scorer sees it (byte-encoded)."""
        data = self.segment(reader)
        if fieldname not in data.lengths:
            data.lengths[fieldname] = field_lengths(reader, fieldname)
        return data.lengths[fieldname]

    def column(self, reader, fieldname: str) -> np.ndarray:
        """A sortable numeric column (for example `published`) as one array."""
        data = self.segment(reader)
        if fieldname not in data.columns:
            data.columns[fieldname] = numeric_column(reader, fieldname)
        return data.columns[fieldname]

    def facet(self, reader, fieldname: str) -> FacetValues:
        data = self.segment(reader)
        if fieldname not in data.facets:
            from_bytes = reader.schema[fieldname].from_bytes
            values, docs, codes = [], [], []
            for btext in reader.lexicon(fieldname):
                if not btext:  # the empty value ("no year", "not highlighted") is never shown
                    continue
                ids = self.postings(reader, fieldname, btext).ids
                docs.append(ids)
                codes.append(np.full(len(ids), len(values), dtype=np.int32))
                values.append(from_bytes(btext))
            data.facets[fieldname] = FacetValues(
                values, np.concatenate(docs) if docs else EMPTY_IDS,
                np.concatenate(codes) if codes else EMPTY_IDS)
        return data.facets[fieldname]


def _warmed_fields(schema) -> list[str]:
    """Fields searched or filtered by word: numbers and dates are read as columns."""
    return [name for name, field in schema.items()
            if name not in NOT_WARMED and field.indexed and not isinstance(field, NUMERIC)]


def live_mask(reader) -> np.ndarray:
    """True for every document of the segment that is not deleted."""
    live = np.ones(reader.doc_count_all(), dtype=bool)
    if reader.has_deletions():
        live[np.fromiter(deleted_docnums(reader), dtype=np.int64)] = False
    return live


def read_postings(reader, fieldname: str, btext: bytes) -> Postings:
    """A posting list read block by block (not posting by posting), deletions included."""
    if (fieldname, btext) not in reader:
        return Postings(EMPTY_IDS, np.zeros(0, dtype=np.float32))
    ids, weights = [], []
    for block in posting_blocks(reader, fieldname, btext):
        ids.append(np.asarray(block.ids(), dtype=np.int32))
        weights.append(np.asarray(block.weights(), dtype=np.float32))
    return Postings(np.concatenate(ids), np.concatenate(weights))


def read_positions(reader, fieldname: str, btext: bytes, candidates: np.ndarray
                   ) -> tuple[np.ndarray, np.ndarray]:
    """(document, position) pairs of a word, for the candidate documents only."""
    docs, positions = [], []
    for block in posting_blocks(reader, fieldname, btext):
        ids = np.asarray(block.ids(), dtype=np.int64)
        for index in np.flatnonzero(candidates[ids]).tolist():
            found = block.positions(index)
            docs += [ids[index]] * len(found)
            positions += found
    return np.array(docs, dtype=np.int64), np.array(positions, dtype=np.int64)


SEGMENTS = SegmentCache()  # one per process, shared by its threads
