"""Taxonomy upkeep: tags (kernteam, beheerder), goals (same), conditions, departments and
partners (beheerder); search follows renamed and merged tags."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from rugzak.experiences.models import Experience
from rugzak.extensions import db
from rugzak.taxonomy.models import Goal, Tag

from .test_audit import events
from .test_search import titles


def tag_id(app, name: str) -> int:
    with app.app_context():
        return db.session.scalar(select(Tag.id).where(Tag.name == name))


def tags_of(app, experience_id: int) -> list[str]:
    with app.app_context():
        return [tag.name for tag in db.session.get(Experience, experience_id).tags]


@pytest.mark.parametrize("role, tags_ok, admin_ok", [
    ("medewerker", False, False), ("partner", False, False),
    ("kernteam", True, False), ("beheerder", True, True)])
def test_who_keeps_which_part(client, make_user, make_experience, logged_in, role, tags_ok,
                              admin_ok):
    make_experience(make_user(), tags=["wijkteam"], visibility="met_partners")
    logged_in(role)
    expect = {True: 200, False: 403}
    assert client.get("/beheer/taxonomie").status_code == expect[tags_ok]
    assert client.get("/beheer/trefwoorden").status_code == expect[tags_ok]
    assert client.get("/beheer/doelen").status_code == expect[tags_ok]
    assert client.get("/beheer/doelen/nieuw").status_code == expect[tags_ok]
    for key in ("randvoorwaarden", "afdelingen", "partners"):
        assert client.get(f"/beheer/{key}").status_code == expect[admin_ok]
        response = client.submit(f"/beheer/{key}/nieuw", {"name": "Nieuw ding", "active": "y"},
                                 page="/")
        assert response.status_code == (302 if admin_ok else 403)
    assert client.submit("/beheer/trefwoorden", {"source": "1", "target": "2"},
                         page="/").status_code == (422 if tags_ok else 403)
    assert ("Taxonomie" in client.get("/beheer").get_data(as_text=True)) == tags_ok


def test_tags_show_counts_of_what_the_reader_may_see(client, make_user, make_experience,
                                                     logged_in):
    author = make_user()
    make_experience(author, tags=["wijkteam", "regie"])
    make_experience(author, tags=["wijkteam"])
    make_experience(author, tags=["wijkteam", "geheim concept"], status="concept")
    logged_in("kernteam")
    page = client.get("/beheer/trefwoorden").get_data(as_text=True)
    rows = dict(re.findall(r'<td lang="nl">([^<]+)</td>\s*<td>(\d+)</td>', page))
    assert rows == {"regie": "1", "wijkteam": "2"}


def test_rename_reaches_experiences_and_search(app, client, make_user, make_experience,
                                               logged_in):
    author = make_user()
    experience = make_experience(author, title="Met trefwoord", tags=["wijkteem"])
    logged_in("kernteam")
    url = f"/beheer/trefwoorden/{tag_id(app, 'wijkteem')}"
    assert client.submit(url, {"name": "Buurtnetwerk"}).status_code == 302
    assert tags_of(app, experience.id) == ["buurtnetwerk"]
    assert titles(client, "buurtnetwerk") == ["Met trefwoord"]
    assert titles(client, "wijkteem") == []
    page = client.get(f"/ervaringen/{experience.id}").get_data(as_text=True)
    assert "versie 1" in page  # not an edit of the experience
    assert ("taxonomy_changed", "trefwoord hernoemd: wijkteem → buurtnetwerk") in [
        (e[0], e[5]) for e in events(app)]


def test_rename_bad_input(app, client, make_user, make_experience, logged_in):
    make_experience(make_user(), tags=["wijkteam", "regie"])
    logged_in("beheerder")
    url = f"/beheer/trefwoorden/{tag_id(app, 'regie')}"
    empty = client.submit(url, {"name": "  "})
    assert empty.status_code == 422 and "Vul de nieuwe naam in." in empty.get_data(as_text=True)
    taken = client.submit(url, {"name": "Wijkteam"})
    assert taken.status_code == 422 and "voeg de twee samen" in taken.get_data(as_text=True)
    assert client.submit(url, {"name": "x" * 61}).status_code == 422


def test_merge_moves_experiences_and_search_follows(app, client, make_user, make_experience,
                                                    logged_in):
    author = make_user()
    only_old = make_experience(author, title="Oud", tags=["wijk team"])
    both = make_experience(author, title="Beide", tags=["wijk team", "wijkteam"])
    logged_in("kernteam")
    chosen = {"source": str(tag_id(app, "wijk team")), "target": str(tag_id(app, "wijkteam"))}
    asked = client.submit("/beheer/trefwoorden", chosen)
    assert asked.status_code == 200
    assert "„wijk team” verdwijnt en wordt „wijkteam” in 2 ervaringen." in asked.get_data(
        as_text=True)
    assert tags_of(app, only_old.id) == ["wijk team"]  # nothing happens before confirming
    response = client.submit("/beheer/trefwoorden", {**chosen, "confirmed": "ja"})
    assert response.status_code == 302
    assert tags_of(app, only_old.id) == ["wijkteam"] and tags_of(app, both.id) == ["wijkteam"]
    assert tag_id(app, "wijk team") is None
    assert sorted(titles(client, "wijkteam")) == ["Beide", "Oud"]
    same = client.submit("/beheer/trefwoorden", {
        "source": str(tag_id(app, "wijkteam")), "target": str(tag_id(app, "wijkteam"))})
    assert same.status_code == 422
    assert "Kies twee verschillende trefwoorden." in same.get_data(as_text=True)


def test_the_merge_confirmation_posts_the_choice_back_or_cancels(app, client, make_user,
                                                              make_experience, logged_in):
    make_experience(make_user(), title="Oud", tags=["wijk team", "regie"])
    logged_in("beheerder")
    source, target = tag_id(app, "wijk team"), tag_id(app, "regie")
    asked = client.submit("/beheer/trefwoorden", {"source": str(source), "target": str(target)})
    page = asked.get_data(as_text=True)
    assert "„wijk team” verdwijnt en wordt „regie” in 1 ervaring." in page
    assert f'name="source" value="{source}"' in page and 'name="confirmed" value="ja"' in page
    assert '<a href="/beheer/trefwoorden">Annuleren</a>' in page
    assert tag_id(app, "wijk team") == source


def test_tag_only_in_someone_elses_draft_cannot_be_touched(app, client, make_user,
                                                           make_experience, logged_in):
    make_experience(make_user(), tags=["verborgen woord"], status="concept")
    logged_in("kernteam")
    assert client.get(f"/beheer/trefwoorden/{tag_id(app, 'verborgen woord')}").status_code == 404


def test_goals_add_edit_retire(app, client, make_user, make_experience, logged_in):
    author = make_user()
    old = make_experience(author, goals=["integrale-toegang"])
    logged_in("kernteam")
    added = client.submit("/beheer/doelen/nieuw", {"name": "Armoede voorkomen",
                                                   "description": "Vroeg erbij zijn.",
                                                   "active": "y"})
    assert added.status_code == 302
    assert "Armoede voorkomen" in client.get("/ervaringen/nieuw").get_data(as_text=True)
    with app.app_context():
        goal_id = db.session.scalar(select(Goal.id).where(Goal.slug == "integrale-toegang"))
    retired = client.submit(f"/beheer/doelen/{goal_id}", {"name": "Integrale toegang"})
    assert retired.status_code == 302
    new_form = client.get("/ervaringen/nieuw").get_data(as_text=True)
    assert 'value="integrale-toegang"' not in new_form
    client.logout()
    client.login(author.email)
    edit_form = client.get(f"/ervaringen/{old.id}/bewerken").get_data(as_text=True)
    assert 'value="integrale-toegang"' in edit_form  # stays on old experiences
    assert "Integrale toegang" in client.get(f"/ervaringen/{old.id}").get_data(as_text=True)


@pytest.mark.parametrize("data, message", [
    ({"name": ""}, "Vul een naam in."),
    ({"name": "Werk boven uitkering"}, "Er is al een transformatiedoel met deze naam."),
    ({"name": "!!!"}, "ten minste één letter of cijfer"),
    ({"name": "Goed", "description": "x" * 2001}, "hoogstens 2000 tekens"),
])
def test_bad_entry_is_explained_and_kept(client, logged_in, data, message):
    logged_in("beheerder")
    response = client.submit("/beheer/doelen/nieuw", {**data, "active": "y"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page and 'aria-invalid="true"' in page


def test_beheerder_edits_departments_partners_and_conditions(app, client, logged_in):
    logged_in("beheerder")
    client.submit("/beheer/partners/nieuw", {"name": "GGD Regio", "active": "y"})
    assert "GGD Regio" in client.get("/beheer/partners").get_data(as_text=True)
    assert "GGD Regio" in client.get("/beheer/gebruikers/nieuw").get_data(as_text=True)
    client.submit("/beheer/afdelingen/nieuw", {"name": "Veiligheid", "active": "y"})
    assert "Veiligheid" in client.get("/ervaringen/nieuw").get_data(as_text=True)
    page = client.get("/beheer/randvoorwaarden").get_data(as_text=True)
    number = re.search(r'href="/beheer/randvoorwaarden/(\d+)" lang="nl">Transparantie<',
                       page).group(1)
    client.submit(f"/beheer/randvoorwaarden/{number}",
                  {"name": "Transparantie en openheid", "description": "Open.", "active": "y"})
    assert "Transparantie en openheid" in client.get("/ervaringen/nieuw").get_data(as_text=True)
    details = [e[5] for e in events(app) if e[0] == "taxonomy_changed"]
    assert details == ["partnerorganisatie toegevoegd: ggd-regio",
                       "afdeling toegevoegd: veiligheid",
                       "randvoorwaarde transparantie: naam gewijzigd"]
