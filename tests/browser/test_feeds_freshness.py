"""Issue 16 in the browser: a feed address made on the account page, and an old experience
that its author confirms from the home page's "Klopt dit nog?" list."""
import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect
from sqlalchemy import update

from .conftest import served_database
from .helpers import assert_no_axe_violations
from .journeys import record_experience, unique_word

pytestmark = pytest.mark.browser


def make_old(env: dict, experience: int) -> None:
    """Published and last changed 400 days ago, as if it had been there that long."""
    from rugzak.experiences.models import Experience
    from rugzak.extensions import db
    from rugzak.timeutil import utcnow

    then = utcnow() - timedelta(days=400)
    with served_database(env):
        db.session.execute(update(Experience).where(Experience.id == experience)
                           .values(created_at=then, updated_at=then, published_at=then))
        db.session.commit()


def test_feed_address_on_the_account_page_and_klopt_dit_nog(sign_in, server_env):
    page = sign_in("collega")
    page.goto("/account")
    page.get_by_role("button", name="Maak een feedadres").click()
    expect(page.get_by_text("Je feedadressen staan hieronder")).to_be_visible()
    expect(page.get_by_role("textbox", name="Nieuwste ervaringen")).to_have_value(
        re.compile(re.escape(server_env["RUGZAK_BASE_URL"]) + r"/feeds/rzf_[\w-]+/nieuw\.atom$"))
    expect(page.get_by_role("button", name="Trek mijn feedadres in")).to_be_visible()
    assert_no_axe_violations(page, "the account page with feed addresses")

    title = f"Een oude afspraak {unique_word()}"
    experience = record_experience(page, title)
    make_old(server_env, experience)
    page.goto("/")
    reviews = page.get_by_role("region", name="Klopt dit nog?")
    reviews.get_by_role("link", name=title).click()
    question = page.get_by_role("region", name="Klopt dit nog?")
    expect(question).to_contain_text("al lang niet bijgewerkt")
    assert_no_axe_violations(page, "an experience that asks whether it still holds")
    question.get_by_role("button", name="Ja, dit klopt nog").click()
    expect(page.get_by_text("Nog actueel volgens de auteur,")).to_be_visible()
    expect(page.get_by_role("region", name="Klopt dit nog?")).to_have_count(0)
    page.goto("/")
    expect(page.get_by_role("region", name="Klopt dit nog?")).to_have_count(0)
