"""Every use of Whoosh's private parts, checked against the pinned version at import.

Rugzak reads the W3 codec's posting blocks and fixed-size columns directly (segments.py turns
them into numpy arrays) and reuses a few internals. Any Whoosh release may change these. To
upgrade: read each function below against the new Whoosh, run tests/test_search_matching.py
(it compares our matching with Whoosh's own), then change PINNED here and in setup.cfg.
"""
from __future__ import annotations

import copy
import importlib
import itertools
import tempfile
from array import array
from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter

import numpy as np
import whoosh
from whoosh import columns, formats, scoring
from whoosh.codec import whoosh3
from whoosh.fields import ID, NUMERIC, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.system import pack_uint
from whoosh.util import numeric
from whoosh.writing import SegmentWriter

PINNED = "2.7.5"
# Module -> the private names used from it; "Class.attribute" for what a class defines.
PRIVATE_NAMES = {
    "whoosh.codec.base": ("Segment.segment_id",),
    "whoosh.codec.whoosh3": (
        "LENGTHS_COLUMN", "_lenfield", "W3PerDocReader._cached_reader",
        "W3PostingsWriter._write_block", "W3PostingsWriter._new_block",
        "W3LeafMatcher._read_ids", "W3LeafMatcher._read_weights",
        "W3LeafMatcher._read_values", "W3LeafMatcher._next_block",
    ),
    "whoosh.columns": ("EmptyColumnReader",),
    "whoosh.reading": ("SegmentReader.deleted_docs_set",),
    "whoosh.util.numeric": ("byte_to_length",),
    "whoosh.writing": ("SegmentWriter._flush_segment", "SegmentWriter._finalize_segment",
                       "SegmentWriter.per_document_reader"),
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
                (writer, ("pool", "perdocwriter", "fieldwriter", "docnum", "schema")),
                (ix.schema, ("_fields",)),
                (writer.fieldwriter, ("_postwriter",)),
                (_block_buffer(), ("_blocklimit", "_ids", "_weights", "_values", "_maxweight",
                                   "_minlength", "_maxlength")),
            )
            return [f"{type(probe).__qualname__}().{name}" for probe, names in probes
                    for name in names if not hasattr(probe, name)]


def _block_buffer() -> whoosh3.W3PostingsWriter:
    postwriter = whoosh3.W3Codec().postings_writer(None)
    postwriter._new_block()
    return postwriter


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



# -- writing segments -----------------------------------------------------------------------
def write_segment(ix, documents, analysis: dict[str, Callable[[str], dict]]):
    """One new segment of `documents` (field dicts), not yet in the index (see add_segments).
    Several processes may write segments of one index at the same time. `analysis` gives, per
    text field, a function that does what the field's analyzer does (see `BulkIndexing`)."""
    writer = CompactSegmentWriter(ix, analysis, _lk=False)
    for fields in documents:
        writer.add_document(**fields)
    return writer._finalize_segment()


def add_segments(ix, segments) -> None:
    """Make written segments part of the index, as they are (no merge)."""
    writer = ix.writer()
    writer.commit(mergetype=lambda _writer, existing: [*existing, *segments])


class CompactSegmentWriter(SegmentWriter):
    """A segment writer for bulk builds. Whoosh's writer sends every posting through a pool
    that pickles it to temporary runs, merges them, reads each document's field length back
    from disk and hands the postings one by one to the postings writer; this one keeps each
    word's postings in compact arrays in memory, analyses text fields without a Token per word
    (`BulkIndexing`) and hands the postings writer a block at a time (`_add_blocks`). The
    segment written is the same (tests/test_search_bulk_writing.py)."""

    def __init__(self, ix, analysis: dict[str, Callable[[str], dict]], **kwargs):
        super().__init__(ix, **kwargs)
        self.pool = CompactPostings()
        self.schema = _with_bulk_indexing(self.schema, analysis)

    def _flush_segment(self):
        self.perdocwriter.close()
        lengths = FieldLengths(self.per_document_reader(), self.docnum)
        fieldwriter = self.fieldwriter
        for fieldname, words in self.pool.fields():
            fieldwriter.start_field(fieldname, self.schema[fieldname])
            field_lengths = lengths.of(fieldname)
            for btext, postings in words:
                fieldwriter.start_term(btext)
                _add_blocks(fieldwriter._postwriter, postings, field_lengths)
                fieldwriter.finish_term()
            fieldwriter.finish_field()
        fieldwriter.close()
        lengths.close()


def _add_blocks(postwriter, postings: tuple[array, array, bytearray, array],
                field_lengths: list[int]) -> None:
    """Fill W3PostingsWriter's block buffer with what `add_posting` would have gathered, one
    block at a time; it writes a full block when the next posting arrives and the last one
    when the term finishes."""
    docnums, weights, values, ends = postings
    limit = postwriter._blocklimit
    for start in range(0, len(docnums), limit):
        if start:
            postwriter._write_block()
        stop = start + limit
        postwriter._ids = array("I", docnums[start:stop])
        block_weights = weights[start:stop]
        postwriter._weights = array("f", block_weights)
        postwriter._maxweight = max(0, max(block_weights))
        block_ends = ends[start:stop]
        begins = [ends[start - 1] if start else 0, *block_ends[:-1]]
        postwriter._values = [bytes(values[begin:end])
                              for begin, end in zip(begins, block_ends, strict=True) if end > begin]
        lengths = [length for docnum in postwriter._ids if (length := field_lengths[docnum])]
        postwriter._minlength = min(lengths) if lengths else None
        postwriter._maxlength = max(lengths) if lengths else 0


def _with_bulk_indexing(schema: Schema, analysis: dict[str, Callable[[str], dict]]) -> Schema:
    """A copy of `schema` (for one writer) whose named text fields index with `analysis`."""
    bulk = copy.copy(schema)
    bulk._fields = dict(schema._fields)
    for name, analyse in analysis.items():
        field = bulk._fields[name] = copy.copy(schema._fields[name])
        field.index = BulkIndexing(field, analyse)
    return bulk


class BulkIndexing:
    """`field.index(value)` for a Positions or Frequency field, from one function that returns
    each word's positions (Positions) or count (Frequency) — what the field's analyzer and
    format's `word_values` compute through a generator chain of Token objects. The items are
    the same: (word as UTF-8, frequency, weight, encoded value)."""

    def __init__(self, field, analyse: Callable[[str], dict]):
        if type(field.format) not in (formats.Positions, formats.Frequency):
            raise TypeError(f"no bulk indexing for {type(field.format).__name__}")
        self._field, self._analyse = field, analyse
        self._format, self._boost = field.format, field.format.field_boost

    def __call__(self, value, **kwargs):
        if kwargs or not isinstance(value, str):
            return type(self._field).index(self._field, value, **kwargs)
        if type(self._format) is formats.Positions:
            return [(word.encode("utf-8"), len(poses), float(len(poses)) * self._boost,
                     self._format.encode(poses))
                    for word, poses in self._analyse(value).items()]
        return [(word.encode("utf-8"), count, float(count) * self._boost, pack_uint(count))
                for word, count in self._analyse(value).items()]


class CompactPostings:
    """Stands in for Whoosh's PostingPool: (fieldname, btext, docnum, weight, vbytes) items
    grouped by word; documents arrive in docnum order, so only the words need sorting."""

    def __init__(self):
        self._words: dict[tuple[str, bytes], tuple[array, array, bytearray, array]] = {}

    def add(self, item) -> None:
        fieldname, btext, docnum, weight, vbytes = item
        word = self._words.get((fieldname, btext))
        if word is None:
            word = self._words[fieldname, btext] = (array("i"), array("d"), bytearray(),
                                                    array("L"))
        docnums, weights, values, ends = word
        docnums.append(docnum)
        weights.append(weight)
        values += vbytes or b""
        ends.append(len(values))

    def fields(self) -> Iterator[tuple[str, Iterator[tuple[bytes, tuple]]]]:
        """Each field in order, with its words in order and their postings."""
        for fieldname, names in itertools.groupby(sorted(self._words), key=itemgetter(0)):
            yield fieldname, ((btext, self._words[fieldname, btext]) for _, btext in names)

    def cleanup(self) -> None:
        self._words.clear()


class FieldLengths:
    """The field lengths of a just-written segment, each field's column read once."""

    def __init__(self, perdoc, doc_count: int):
        self._perdoc, self._doc_count = perdoc, doc_count
        self._fields: dict[str, list[int]] = {}

    def of(self, fieldname: str) -> list[int]:
        """Each document's length of the field (0 when the field keeps no lengths)."""
        lengths = self._fields.get(fieldname)
        if lengths is None:
            column = self._perdoc._cached_reader(whoosh3._lenfield(fieldname),
                                                 whoosh3.LENGTHS_COLUMN)
            lengths = self._fields[fieldname] = (
                [0] * self._doc_count if column is None else
                [numeric.byte_to_length(byte) for byte in
                 _numeric_values(column, self._doc_count).tolist()])
        return lengths

    def close(self) -> None:
        self._perdoc.close()
