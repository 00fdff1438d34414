"""The demo TOML files parse, and everything they refer to exists."""
import pytest
from sqlalchemy import select

from rugzak.demo.data import demo_data
from rugzak.extensions import db
from rugzak.taxonomy.models import Condition, Department, Goal


@pytest.mark.parametrize("name, sections", [
    ("content", {"accounts", "partners", "experiences"}),
    ("curation", {"highlights", "bundle", "recognitions", "comments"}),
    ("agenda", {"items"}),
])
def test_each_demo_file_parses_into_its_sections(name, sections):
    assert set(demo_data(name)) == sections


@pytest.fixture
def known(app) -> dict[str, set[str]]:
    """The slugs a new installation is seeded with, and the demo's own partners."""
    with app.app_context():
        seeded = {name: set(db.session.scalars(select(model.slug)))
                  for name, model in (("departments", Department), ("conditions", Condition),
                                      ("goals", Goal))}
    return seeded | {"partners": {p["slug"] for p in demo_data("content")["partners"]}}


def test_experiences_refer_to_seeded_slugs(known):
    for experience in demo_data("content")["experiences"]:
        referred = {"departments": set(experience["departments"]),
                    "conditions": set(experience["conditions"]),
                    "goals": set(experience["goals"]), "partners": set(experience["partners"])}
        for name, slugs in referred.items():
            assert slugs <= known[name], (experience["title"], slugs - known[name])


def test_accounts_and_agenda_owners_refer_to_seeded_slugs(known):
    content = demo_data("content")
    for account in content["accounts"]:
        assert account.get("department") in known["departments"] | {None}, account
        assert account.get("partner") in known["partners"] | {None}, account
    keys = {account["key"] for account in content["accounts"]}
    for item in demo_data("agenda")["items"]:
        kind, slug = item["owner"].split(":", 1)
        assert slug in {"department": known["departments"], "partner": known["partners"],
                        "user": keys}[kind], item["owner"]


def test_people_and_titles_refer_to_the_demo_content():
    content, curation = demo_data("content"), demo_data("curation")
    agenda = demo_data("agenda")["items"]
    keys = {account["key"] for account in content["accounts"]}
    titles = {experience["title"] for experience in content["experiences"]}
    people = {e["author"] for e in content["experiences"]} | {curation["bundle"]["by"]} | {
        entry["by"] for entry in [*curation["highlights"], *curation["recognitions"],
                                  *curation["comments"], *agenda,
                                  *(step for item in agenda for step in item.get("progress", []))]}
    assert people <= keys, people - keys
    referred = {entry["title"] for entry in [*curation["highlights"], *curation["bundle"]["items"],
                                             *curation["recognitions"], *curation["comments"]]}
    referred |= {title for item in agenda for title in item["from_experiences"]}
    assert referred <= titles, referred - titles
