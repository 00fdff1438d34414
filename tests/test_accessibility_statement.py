"""The accessibility statement: public, linked from every page's footer."""
import re

import pytest

from rugzak import create_app

from . import conftest

FOOTER_LINK = re.compile(r'<footer class="[^"]*site-footer">.*href="/toegankelijkheid"', re.S)


def test_statement_is_readable_before_signing_in(client):
    response = client.get("/toegankelijkheid")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    for heading in ("Toegankelijkheidsverklaring", "Status", "Wat we hebben getest",
                    "Bekende beperkingen", "Feedback en contact"):
        assert f">{heading}</h" in page
    assert "functioneel beheerder" in page
    assert FOOTER_LINK.search(page)


@pytest.mark.parametrize("path", ["/", "/ervaringen", "/ervaringen/nieuw", "/zoeken?q=x",
                                  "/mijn-ervaringen", "/bestaat-niet", "/toegankelijkheid"])
def test_every_page_links_to_the_statement(client, logged_in, path):
    logged_in("medewerker")
    assert FOOTER_LINK.search(client.get(path).get_data(as_text=True))


def test_sign_in_page_links_to_the_statement(client):
    assert FOOTER_LINK.search(client.get("/inloggen").get_data(as_text=True))


def test_contact_address_comes_from_the_configuration(instance, database_url):
    app = create_app({**conftest.test_config(instance, database_url),
                      "ACCESSIBILITY_CONTACT": "toegankelijkheid@gemeente.example"})
    page = app.test_client().get("/toegankelijkheid").get_data(as_text=True)
    app.extensions["rugzak.search"].stop()
    assert 'href="mailto:toegankelijkheid@gemeente.example"' in page
    assert "functioneel beheerder" not in page
