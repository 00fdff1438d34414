"""The municipality's look without touching code: name, tokens and logo in the instance folder."""
from __future__ import annotations

from pathlib import Path

import pytest

TOKENS = ":root { --rugzak-color-primary: #8a1538; }\n"
LOGO = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
        b'<rect width="10" height="10"/></svg>')


@pytest.fixture
def theme_folder(app) -> Path:
    folder = Path(app.instance_path) / "theme"
    folder.mkdir()
    return folder


def test_without_a_theme_the_default_look_and_name_are_used(client):
    page = client.get("/inloggen").get_data(as_text=True)
    assert "/static/nlds/component-library.css" in page
    assert "/static/theme.css" in page
    assert "/thema/" not in page
    assert "ervaringen in het sociaal domein" in page
    assert client.get("/thema/tokens.css").status_code == 404
    assert client.get("/thema/logo").status_code == 404


def test_the_instance_folder_themes_every_page(app, client, logged_in, theme_folder):
    (theme_folder / "tokens.css").write_text(TOKENS)
    (theme_folder / "logo.svg").write_bytes(LOGO)
    app.config["MUNICIPALITY"] = "Gemeente Voorbeeld"
    for page in (client.get("/inloggen"), (logged_in(), client.get("/"))[1]):
        html = page.get_data(as_text=True)
        assert html.index("/static/theme.css") < html.index("/thema/tokens.css") \
            < html.index("/static/rugzak.css")
        assert '<img class="brand__logo" src="/thema/logo" alt="Gemeente Voorbeeld">' in html
        assert "Gemeente Voorbeeld" in html
    tokens = client.get("/thema/tokens.css")
    assert tokens.mimetype == "text/css" and tokens.get_data(as_text=True) == TOKENS
    logo = client.get("/thema/logo")
    assert logo.mimetype == "image/svg+xml" and logo.data == LOGO


def test_a_png_logo_is_served_as_png(client, theme_folder):
    (theme_folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert client.get("/thema/logo").mimetype == "image/png"


def test_the_municipality_is_named_by_an_environment_variable(monkeypatch, instance):
    from rugzak import create_app

    monkeypatch.setenv("RUGZAK_MUNICIPALITY", "Gemeente Leiden")
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert app.config["MUNICIPALITY"] == "Gemeente Leiden"
