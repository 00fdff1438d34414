"""Every use of Whoosh's private parts, checked against the pinned version at import.

Rugzak reads the W3 codec's posting blocks and fixed-size columns directly (segments.py turns
them into numpy arrays) and reuses a few internals. Any Whoosh release may change these. To
upgrade: read each function below against the new Whoosh, run tests/test_search_matching.py
(it compares our matching with Whoosh's own), then change PINNED here and in setup.cfg.
"""
from __future__ import annotations

import importlib
import tempfile
from collections.abc import Iterator, Sequence

import numpy as np
import whoosh
from whoosh import columns, scoring
from whoosh.codec import whoosh3
from whoosh.fields import ID, NUMERIC, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.util import numeric

PINNED = "2.7.5"
# Module -> the private names used from it; "Class.attribute" for what a class defines.
PRIVATE_NAMES = {
    "whoosh.codec.base": ("Segment.segment_id",),
    "whoosh.codec.whoosh3": (
        "LENGTHS_COLUMN", "_lenfield", "W3PerDocReader._cached_reader",
        "W3LeafMatcher._read_ids", "W3LeafMatcher._read_weights",
        "W3LeafMatcher._read_values", "W3LeafMatcher._next_block",
    ),
    "whoosh.columns": ("EmptyColumnReader",),
    "whoosh.reading": ("SegmentReader.deleted_docs_set",),
    "whoosh.util.numeric": ("byte_to_length",),
}


def check_whoosh() -> None:
    """Refuse to run on a Whoosh whose private parts we have not read."""
    found = whoosh.versionstring()
    missing = [*_missing_names(), *_missing_instance_attributes()]
    if found != PINNED or missing:
        raise RuntimeError(
            f"Rugzak reads private parts of Whoosh {PINNED}; found {found}, missing "
            f"{', '.join(missing) or 'nothing'}: review rugzak/search/whoosh_private.py "
            "before upgrading")


def _missing_names() -> list[str]:
    return [f"{module}.{name}" for module, names in PRIVATE_NAMES.items()
            for name in names if not _has(importlib.import_module(module), name)]


def _has(owner, dotted: str) -> bool:
    for name in dotted.split("."):
        if not hasattr(owner, name):
            return False
        owner = getattr(owner, name)
    return True


def _missing_instance_attributes() -> list[str]:
    """Attributes that objects set for themselves, looked for on a one-document index.

    The index lives in a folder of its own: a RamStorage index writes its column file through
    a temporary folder with a fixed name (/tmp/MAIN.tmp), which workers starting at the same
    moment would share and delete under each other."""
    with tempfile.TemporaryDirectory(prefix="rugzak-whoosh-probe-") as folder:
        ix = FileStorage(folder, supports_mmap=False).create_index(
            Schema(word=ID(), number=NUMERIC(sortable=True)))
        with ix.writer() as writer:
            writer.add_document(word="probe", number=1)
        with ix.reader() as reader:
            probes = (
                (reader, ("_terms", "_perdoc")),
                (reader.postings("word", "probe"), ("_ids", "_weights", "_values")),
                (reader.column_reader("number", translate=False),
                 ("_dbfile", "_basepos", "_count", "_fixedlen", "_default", "_typecode")),
                (scoring.BM25F(), ("_field_B",)),
            )
            return [f"{type(probe).__qualname__}().{name}" for probe, names in probes
                    for name in names if not hasattr(probe, name)]


check_whoosh()

LENGTH_OF_BYTE = np.array([numeric.byte_to_length(b) or 0 for b in range(256)],
                          dtype=np.float64)


# -- segments -------------------------------------------------------------------------------
def segment_id(reader) -> str:
    """Unique for a segment; a segment's documents never change (its deletions do)."""
    return reader.segment().segment_id()


def deleted_docnums(reader) -> frozenset[int]:
    return reader.deleted_docs_set


# -- posting lists --------------------------------------------------------------------------
class PostingBlock:
    """The block a W3 posting list's matcher is at; valid until it moves to the next."""

    def __init__(self, matcher):
        self._matcher = matcher

    def ids(self) -> Sequence[int]:
        """Segment docnums, deleted documents included."""
        self._matcher._read_ids()
        return self._matcher._ids

    def weights(self) -> Sequence[float]:
        self._matcher._read_weights()
        return self._matcher._weights

    def positions(self, index: int) -> list[int]:
        """Where the word occurs in the block's `index`-th document."""
        if self._matcher._values is None:
            self._matcher._read_values()
        return self._matcher.format.decode_positions(self._matcher._values[index])


def posting_blocks(reader, fieldname: str, btext: bytes) -> Iterator[PostingBlock]:
    """A posting list block by block: arrays at a time instead of a call per posting."""
    matcher = reader._terms.matcher(fieldname, btext, reader.schema[fieldname].format)
    while matcher.is_active():
        yield PostingBlock(matcher)
        matcher._next_block()


# -- columns --------------------------------------------------------------------------------
def field_lengths(reader, fieldname: str) -> np.ndarray:
    """Each document's length of a field as the scorer sees it: stored as one byte, so
    rounded; 0 where a segment has no lengths for the field."""
    column = reader._perdoc._cached_reader(whoosh3._lenfield(fieldname),
                                           whoosh3.LENGTHS_COLUMN)
    if column is None:
        return np.zeros(reader.doc_count_all())
    return LENGTH_OF_BYTE[_numeric_values(column, reader.doc_count_all())]


def numeric_column(reader, fieldname: str) -> np.ndarray:
    """A sortable numeric column (for example `published`) as one array."""
    column = reader.column_reader(fieldname, translate=False)
    if isinstance(column, columns.EmptyColumnReader):  # no document in the segment has it
        return np.zeros(reader.doc_count_all(), dtype=np.int64)
    return _numeric_values(column, reader.doc_count_all())


def _numeric_values(column, doc_count: int) -> np.ndarray:
    """A NumericColumn in one read: big-endian, fixed size; documents past its end get the
    column's default."""
    stored = column._count
    raw = np.frombuffer(column._dbfile.get(column._basepos, stored * column._fixedlen),
                        dtype=np.dtype(column._typecode).newbyteorder(">"))
    values = np.full(doc_count, column._default, dtype=raw.dtype.newbyteorder("="))
    values[:stored] = raw[:doc_count]
    return values


# -- scoring and highlighting ---------------------------------------------------------------
def bm25f_b(weighting: scoring.BM25F, fieldname: str) -> float:
    """The B (length normalisation) BM25F uses for a field."""
    return weighting._field_B.get(fieldname, weighting.B)

