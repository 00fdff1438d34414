"""A worker reads the frequent words' posting lists at start-up, not in the first searches."""
from __future__ import annotations

from rugzak.search import segments
from rugzak.search.service import search_service
from rugzak.search.whoosh_private import segment_id


def test_after_warming_a_search_reads_no_posting_list_from_disk(app, client, logged_in,
                                                                make_experience, monkeypatch):
    user = logged_in()
    make_experience(user, title="Samen aan tafel met het wijkteam")
    make_experience(user, title="Een tafel vol afspraken")
    with app.app_context():
        search_service().rebuild()
        search_service().warm()

    read_postings = segments.read_postings

    def from_disk(reader, fieldname, btext):
        assert (fieldname, btext) not in reader, f"read from disk: {fieldname} {btext}"
        return read_postings(reader, fieldname, btext)  # a word the field does not have

    monkeypatch.setattr(segments, "read_postings", from_disk)
    page = client.get("/zoeken", query_string={"q": "tafel"})
    assert page.status_code == 200
    assert "Een tafel vol afspraken" in page.get_data(as_text=True)


def test_warming_stops_at_its_budget(app, logged_in, make_experience, monkeypatch):
    user = logged_in()
    make_experience(user, title="Zeldzaam woord")
    monkeypatch.setattr(segments, "WARM_POSTINGS", 0)
    with app.app_context():
        search_service().rebuild()
        search_service().warm()
        ours = {segment_id(reader) for reader, _ in
                search_service().searcher().reader().leaf_readers()}
    warmed_fields = {key[1] for key in segments.SEGMENTS._postings if key[0] in ours}
    assert not warmed_fields & {"title", "lesson", "body"}  # only facet values, always counted
