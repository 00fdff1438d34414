"""Following other municipalities (issue 18, first step): `rugzak peers add|list|remove`."""
from __future__ import annotations

from .test_audit import events


def test_add_list_and_remove_a_peer(app, runner):
    added = runner.invoke(args=["peers", "add", "https://rugzak.leiden.example/open/",
                                "--name", "Gemeente Leiden"])
    assert added.exit_code == 0, added.output
    assert "Bron toegevoegd: Gemeente Leiden (https://rugzak.leiden.example)." in added.output
    listed = runner.invoke(args=["peers", "list"])
    assert "Gemeente Leiden\thttps://rugzak.leiden.example\tbijgewerkt: nog nooit" in listed.output
    removed = runner.invoke(args=["peers", "remove", "https://rugzak.leiden.example"])
    assert removed.exit_code == 0 and "Bron verwijderd: Gemeente Leiden." in removed.output
    assert runner.invoke(args=["peers", "list"]).output == ""
    actions = [event[0] for event in events(app)]
    assert actions.count("peer_added") == 1 and actions.count("peer_removed") == 1


def test_a_bad_or_double_peer_is_refused_in_dutch(runner):
    for url in ("ftp://rugzak.example", "geen adres", "https://iemand:geheim@rugzak.example",
                "https://rugzak.example:99999"):
        refused = runner.invoke(args=["peers", "add", url, "--name", "Ergens"])
        assert refused.exit_code != 0 and "Geef het adres van de andere Rugzak" in refused.output
    assert runner.invoke(args=["peers", "add", "https://a.example", "--name", " "]).exit_code != 0
    runner.invoke(args=["peers", "add", "https://a.example", "--name", "A"])
    double = runner.invoke(args=["peers", "add", "https://a.example/", "--name", "A"])
    assert "Deze bron volg je al." in double.output
    missing = runner.invoke(args=["peers", "remove", "https://b.example"])
    assert missing.exit_code != 0 and "Er is geen bron met adres" in missing.output
