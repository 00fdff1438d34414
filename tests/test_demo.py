"""The demo content meets what an empty installation promises (issue: demo content)."""
from collections import Counter

from rugzak.demo.data import demo_data
from rugzak.demo.loader import demo_accounts
from rugzak.experiences.models import Effect, Kind
from rugzak.taxonomy.seed import default_taxonomy
from rugzak.text import slugify

CONTENT = demo_data("content")
EXPERIENCES, PARTNERS = CONTENT["experiences"], CONTENT["partners"]
DEMO_ACCOUNTS = demo_accounts()
DEFAULTS = default_taxonomy()
PUBLISHED = [e for e in EXPERIENCES if e["status"] == "gepubliceerd"]


def test_enough_published_experiences_spread_over_departments_and_partners():
    assert len(PUBLISHED) >= 25
    departments = Counter(d for e in PUBLISHED for d in e["departments"])
    assert set(departments) == {slugify(name) for name in DEFAULTS["departments"]}
    partners = Counter(p for e in PUBLISHED for p in e["partners"])
    assert len(partners) >= 4 and set(partners) <= {partner["slug"] for partner in PARTNERS}


def test_every_condition_with_both_effects_every_goal_and_kind():
    effects = Counter((c, effect) for e in PUBLISHED for c, effect in e["conditions"].items())
    for condition in DEFAULTS["conditions"]:
        for effect in Effect:
            assert effects[(slugify(condition["name"]), effect.value)] >= 1, (condition, effect)
    goals = {slugify(goal["name"]) for goal in DEFAULTS["goals"]}
    assert {g for e in PUBLISHED for g in e["goals"]} == goals
    assert {e["kind"] for e in PUBLISHED} == {kind.value for kind in Kind}


def test_one_account_per_role_and_partners_share_with_partners():
    assert {account.role for account in DEMO_ACCOUNTS} == {
        "medewerker", "partner", "kernteam", "beheerder"}
    partners = {account.key for account in DEMO_ACCOUNTS if account.role == "partner"}
    assert all(e["visibility"] == "met_partners" for e in EXPERIENCES if e["author"] in partners)
    assert {e["author"] for e in EXPERIENCES} <= {account.key for account in DEMO_ACCOUNTS}
