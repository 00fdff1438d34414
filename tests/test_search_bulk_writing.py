"""A rebuild indexes text without Whoosh's token stream (`BULK_ANALYSIS`, `BulkIndexing`) and
writes segments itself (`CompactSegmentWriter`); both must give exactly what Whoosh gives."""
from __future__ import annotations

import functools

import pytest
import whoosh.codec
from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filestore import RamStorage

from rugzak.demo.data import demo_data
from rugzak.search.documents import BODY_SECTIONS, BULK_ANALYSIS, build_schema
from rugzak.search.whoosh_private import BulkIndexing, add_segments, write_segment

TRICKY = [
    "",
    "de het een",  # only stop words
    "De  warme overdracht: het wijkteam werkte, de wijkteams ook.",  # stop words before the first
    "co-creatie met e-mail en x-y; jeugdhulpverlening en schuldhulpaanvraag",
    "Definiëren, definieren en DEFINIËREN; café’s en naïef",
    "e\u0301e\u0301n keer, \u0301 alleen een accent",  # combining accents, one on its own
    "2024 in 3 stappen, 10-punten-plan en wijk_team",
    "a b c ik u – een ‐ streepje‐woord",
    "Jeugdhulp, jeugdhulp, JEUGDHULP en jeugd-hulp: vier keer",
]


def _demo_texts() -> list[str]:
    experiences = demo_data("content")["experiences"]
    return [experience.get(name, "") for experience in experiences
            for name in ("title", "lesson", *BODY_SECTIONS)]


@pytest.mark.parametrize("name", sorted(BULK_ANALYSIS))
def test_bulk_indexing_gives_what_whoosh_gives_for_every_text_field(name):
    field = build_schema()[name]
    bulk = BulkIndexing(field, BULK_ANALYSIS[name])
    texts = [*TRICKY, *_demo_texts()]
    for text in texts:
        assert sorted(bulk(text)) == sorted(field.index(text)), text


def test_bulk_indexing_refuses_a_format_it_does_not_know():
    with pytest.raises(TypeError):
        BulkIndexing(build_schema()["id"], BULK_ANALYSIS["body"])


def _documents(copies: int) -> list[dict]:
    experiences = demo_data("content")["experiences"] * copies
    return [{"id": str(number), "title": experience["title"], "lesson": experience["lesson"],
             "body": "\n".join(experience.get(name, "") for name in BODY_SECTIONS),
             "tags": ", ".join(experience["tags"]),
             "spelling": "\n".join((experience["title"], experience["lesson"])),
             "kind": experience["kind"]}
            for number, experience in enumerate(experiences, start=1)]


def _contents(ix) -> dict:
    """Every term's statistics, its postings and their blocks, every field length and stored
    field."""
    with ix.searcher() as searcher:
        reader = searcher.reader()
        postings = {(field, word): (_statistics(reader.term_info(field, word)),
                                    list(_postings(reader.postings(field, word))))
                    for field, word in reader.all_terms()}
        lengths = {(docnum, field): reader.doc_field_length(docnum, field)
                   for docnum in range(reader.doc_count_all()) for field in BULK_ANALYSIS}
        stored = [reader.stored_fields(docnum) for docnum in range(reader.doc_count_all())]
    return {"postings": postings, "lengths": lengths, "stored": stored}


def _statistics(info) -> tuple:
    return (info.weight(), info.doc_frequency(), info.min_length(), info.max_length(),
            info.max_weight(), info.min_id(), info.max_id())


def _postings(matcher):
    """Each posting with the statistics of its block (which the scorer reads)."""
    while matcher.is_active():
        yield (matcher.id(), matcher.weight(), matcher.value(), matcher.block_max_id(),
               matcher.block_min_length(), matcher.block_max_length(), matcher.block_max_weight())
        matcher.next()


@pytest.mark.parametrize("blocklimit", [128, 2])
def test_a_bulk_written_segment_holds_what_whoosh_writes(blocklimit, monkeypatch):
    """Whoosh writes 128 postings a block; the demo's words, ten times over, fill several."""
    monkeypatch.setattr(whoosh.codec, "default_codec",
                        functools.partial(W3Codec, blocklimit=blocklimit))
    documents = _documents(copies=10)
    by_whoosh = RamStorage().create_index(build_schema())
    with by_whoosh.writer() as writer:
        for fields in documents:
            writer.add_document(**fields)
    bulk = RamStorage().create_index(build_schema())
    add_segments(bulk, [write_segment(bulk, iter(documents), BULK_ANALYSIS)])
    contents = _contents(bulk)
    assert contents == _contents(by_whoosh)
    assert max(len(postings) for _, postings in contents["postings"].values()) > 2 * 128
