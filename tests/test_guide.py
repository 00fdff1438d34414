"""/uitleg: how Rugzak works, with the municipality's own conditions and goals."""
from sqlalchemy import select

from rugzak.extensions import db
from rugzak.taxonomy.models import Condition, Goal


def test_the_guide_explains_with_the_current_taxonomy(app, client, logged_in):
    with app.app_context():
        condition = db.session.scalars(select(Condition).order_by(Condition.position)).first()
        condition.name, condition.description = "Samen één doel", "Eén doel voor allen."
        retired = db.session.scalars(select(Goal).order_by(Goal.position)).first()
        retired.active, retired_name = False, retired.name
        db.session.commit()
    logged_in("partner")
    page = client.get("/uitleg").get_data(as_text=True)
    assert "<h1>Zo werkt Rugzak</h1>" in page
    assert '<dt lang="nl">Samen één doel</dt><dd lang="nl">Eén doel voor allen.</dd>' in page
    assert retired_name not in page  # a goal no longer offered is not explained
    assert "Werk boven uitkering" in page
    for section in ("vastleggen", "randvoorwaarden", "doelen", "wie-ziet-wat", "inwoners",
                    "zoeken", "samen", "rollen"):
        assert f'href="#{section}"' in page and f'id="{section}"' in page


def test_the_guide_is_linked_from_home_and_every_page(client, logged_in):
    logged_in()
    assert client.get("/").get_data(as_text=True).count('href="/uitleg"') == 2
    assert 'href="/uitleg"' in client.get("/ervaringen").get_data(as_text=True)


def test_the_guide_needs_sign_in(client):
    response = client.get("/uitleg")
    assert response.status_code == 302 and response.headers["Location"].startswith("/inloggen")
    assert 'href="/uitleg"' not in client.get("/inloggen").get_data(as_text=True)
