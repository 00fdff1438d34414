"""The demo's highlights, bundle, recognitions and comments respect who may see what."""
from __future__ import annotations

import re

from rugzak.demo.data import demo_data

CURATION = demo_data("curation")


def passwords(output: str) -> dict[str, str]:
    return {match[0]: match[1] for match in re.findall(r"(\S+@demo\.rugzak\.example)\s+(\S+)",
                                                       output)}


def test_demo_curation_loads_and_shows_per_role(runner, client):
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    accounts = passwords(result.output)
    client.login("henk@demo.rugzak.example", accounts["henk@demo.rugzak.example"])
    home = client.get("/").get_data(as_text=True)
    assert "Uitgelicht door het kernteam" in home
    assert "Schuldhulp en werkcoach samen aan één tafel" in home
    assert "Casusoverleg zonder regisseur" not in home  # intern: not for a partner
    bundles = client.get("/bundels").get_data(as_text=True)
    assert CURATION["bundle"]["title"] in bundles and "4 ervaringen" in bundles
    client.logout()
    client.login("sanne@demo.rugzak.example", accounts["sanne@demo.rugzak.example"])
    assert "5 ervaringen" in client.get("/bundels").get_data(as_text=True)
    home = client.get("/").get_data(as_text=True)
    assert "Henk Visser reageerde op:" in home and "vond herkenbaar:" in home
    listing = client.get("/ervaringen?sort=herkenbaar").get_data(as_text=True)
    first = re.search(r'class="card__title"><a href="/ervaringen/\d+">([^<]+)<', listing)
    assert first.group(1) == "Dubbele intake bij UWV en gemeente voor dezelfde werkzoekende"
    assert len(CURATION["highlights"]) == 3 and len(CURATION["recognitions"]) >= 10 \
        and len(CURATION["comments"]) >= 4
