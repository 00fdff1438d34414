"""Issue 14 in the browser: a date from the year 1, saved before the range was enforced, is
found by the beheerder and corrected; the insight page stays small and usable around it."""
from datetime import date

import pytest
from playwright.sync_api import expect
from sqlalchemy import update

from .conftest import served_database
from .helpers import assert_no_axe_violations
from .journeys import open_beheer_task, record_experience, unique_word

pytestmark = pytest.mark.browser


def plant_year_one(env: dict, experience: int) -> None:
    from rugzak.experiences.models import Experience
    from rugzak.extensions import db

    with served_database(env):
        db.session.execute(update(Experience).where(Experience.id == experience)
                           .values(occurred_on=date(1, 1, 1)))
        db.session.commit()


def test_the_beheerder_corrects_a_date_from_the_year_one(sign_in, server_env):
    author = sign_in("medewerker")
    title = f"Overleg met een typefout in het jaar {unique_word()}"
    experience = record_experience(author, title)
    plant_year_one(server_env, experience)

    viewer = sign_in("kernteam")
    viewer.goto("/inzicht")
    expect(viewer.get_by_role("heading", level=1)).to_have_text("Inzicht")
    expect(viewer.get_by_label("Van (datum)")).not_to_have_value("")

    admin = sign_in("beheerder")
    open_beheer_task(admin, "Datumcontrole")
    card = admin.get_by_role("listitem").filter(has_text=title)
    expect(card).to_contain_text("1 januari 1")
    field = card.get_by_label("Juiste datum")
    field.fill("01-01-0001")
    card.get_by_role("button", name="Datum opslaan").click()
    card = admin.get_by_role("listitem").filter(has_text=title)
    field = card.get_by_label("Juiste datum")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_value("01-01-0001")
    expect(card).to_contain_text("De datum ligt vóór 1 januari 2000; controleer het jaartal.")
    assert_no_axe_violations(admin, "datumcontrole met fout")

    field.fill("14-03-2024")
    card.get_by_role("button", name="Datum opslaan").click()
    expect(admin.get_by_role("status")).to_have_text(f"De datum van „{title}” is aangepast.")
    expect(admin.get_by_role("main")).to_contain_text(
        "Alle gepubliceerde ervaringen hebben een datum binnen het bereik.")
    admin.goto(f"/ervaringen/{experience}")
    expect(admin.get_by_role("main")).to_contain_text("14 maart 2024")
