"""Snel vastleggen: one question per page, each step saved as a concept through the experience
services, suggestions from the text and from similar experiences, then publish."""
import re

import pytest
from sqlalchemy import select

from rugzak.capture.models import CaptureProgress
from rugzak.experiences.models import Experience
from rugzak.extensions import db

SITUATION = ("Het wijkteam en Werk en Inkomen spraken elk iets anders af met een gezin. "
             "Er was geen vertrouwen tussen de teams, dus niemand durfde de ander aan te spreken.")
LESSON = "Spreek vooraf af wie de regie heeft, en bel elkaar voordat je iets toezegt."
TIP = "Bel elkaar eerst."


def start(client, situation=SITUATION):
    return client.submit("/ervaringen/snel", {"situation": situation})


def step_url(experience_id: int, number: int) -> str:
    return f"/ervaringen/snel/{experience_id}/stap/{number}"


def started(client) -> int:
    response = start(client)
    assert response.status_code == 302, response.get_data(as_text=True)
    found = re.fullmatch(r".*/ervaringen/snel/(\d+)/stap/2", response.headers["Location"])
    assert found, response.headers["Location"]
    return int(found.group(1))


def version(app, experience_id: int) -> str:
    with app.app_context():
        return str(db.session.get(Experience, experience_id).version)


def answer(client, app, experience_id: int, number: int, action="next", **fields):
    data = {"version": version(app, experience_id), "action": action, **fields}
    return client.submit(step_url(experience_id, number), data)


def stored(app, experience_id: int) -> dict:
    with app.app_context():
        row = db.session.get(Experience, experience_id)
        progress = db.session.get(CaptureProgress, experience_id)
        return {"title": row.title, "situation": row.situation, "lesson": row.lesson,
                "tip": row.tip, "status": row.status, "kind": row.kind,
                "visibility": row.visibility,
                "departments": [d.slug for d in row.departments],
                "partners": [p.slug for p in row.partners],
                "goals": [g.slug for g in row.goals], "tags": [t.name for t in row.tags],
                "conditions": {c.condition.slug: c.effect for c in row.conditions},
                "step": progress.step if progress else None}


def walk_to_suggestions(client, app, experience_id: int, lesson=LESSON) -> None:
    for number, fields in [(2, {"departments": ["werk-en-inkomen"], "partners": ["uwv"]}),
                           (3, {"lesson": lesson}), (4, {"tip": TIP}),
                           (5, {"title": "Eén afspraak met het gezin", "kind": "les"})]:
        response = answer(client, app, experience_id, number, **fields)
        assert response.status_code == 302, response.get_data(as_text=True)


def test_the_home_page_offers_snel_vastleggen_first(client, logged_in):
    logged_in()
    page = client.get("/").get_data(as_text=True).split('id="welkom-kop"')[1]
    assert page.index('href="/ervaringen/snel"') < page.index('href="/ervaringen/nieuw"')
    assert "Snel een ervaring vastleggen" in page


def test_the_first_step_asks_one_question_with_progress(client, logged_in):
    logged_in()
    page = client.get("/ervaringen/snel").get_data(as_text=True)
    assert '<h1 id="vraag" tabindex="-1" autofocus>Wat gebeurde er?</h1>' in page
    assert "Stap 1 van 7" in page and 'aria-current="step"' in page
    assert "Twee of drie zinnen is genoeg" in page
    assert 'aria-describedby="situation-hint"' in page
    assert 'name="title"' not in page and 'name="lesson"' not in page


def test_the_first_step_creates_a_concept_with_a_title_from_the_first_sentence(
        app, client, logged_in):
    logged_in()
    experience_id = started(client)
    saved = stored(app, experience_id)
    assert saved["status"] == "concept" and saved["situation"] == SITUATION
    assert saved["title"] == "Het wijkteam en Werk en Inkomen spraken elk iets anders af met " \
                             "een gezin"
    assert saved["lesson"] == "" and saved["step"] == 2
    assert "Het wijkteam en Werk" in client.get("/mijn-ervaringen").get_data(as_text=True)


def test_each_step_updates_the_concept_and_back_keeps_what_was_typed(app, client, logged_in):
    logged_in()
    experience_id = started(client)
    page = client.get(step_url(experience_id, 2)).get_data(as_text=True)
    assert "Wie deden er mee?" in page and "Stap 2 van 7" in page and "Vorige" in page
    assert answer(client, app, experience_id, 2, departments=["jeugd-en-onderwijs"],
                  partners=["uwv"]).headers["Location"].endswith(step_url(experience_id, 3))
    half = answer(client, app, experience_id, 3, action="back", lesson="Nog niet af")
    assert half.headers["Location"].endswith(step_url(experience_id, 2))
    saved = stored(app, experience_id)
    assert saved["departments"] == ["jeugd-en-onderwijs"] and saved["partners"] == ["uwv"]
    assert saved["lesson"] == "Nog niet af" and saved["step"] == 2
    page = client.get(step_url(experience_id, 3)).get_data(as_text=True)
    assert "Nog niet af</textarea>" in page
    back_to_one = client.get(step_url(experience_id, 1)).get_data(as_text=True)
    assert "Vorige" not in back_to_one and "spraken elk iets anders af" in back_to_one


def test_bad_input_gets_a_dutch_message_at_the_field_and_keeps_the_text(app, client, logged_in):
    logged_in()
    empty = start(client, situation="   ")
    page = empty.get_data(as_text=True)
    assert empty.status_code == 422 and "Vul de situatie in." in page
    assert 'aria-invalid="true"' in page and '<a href="#situation">' in page
    assert "Vul een titel in." not in page
    experience_id = started(client)
    no_lesson = answer(client, app, experience_id, 3, lesson="  ")
    assert no_lesson.status_code == 422 and "Vul de les in." in no_lesson.get_data(as_text=True)
    no_title = answer(client, app, experience_id, 5, title="", kind="les")
    assert no_title.status_code == 422
    assert "Vul een titel in." in no_title.get_data(as_text=True)
    too_long = answer(client, app, experience_id, 4, tip="x" * 10_001)
    page = too_long.get_data(as_text=True)
    assert too_long.status_code == 422 and "Dit deel mag hoogstens" in page
    assert "x" * 10_001 in page
    assert stored(app, experience_id)["tip"] == ""


def test_resume_where_you_stopped_from_home_and_mine(app, client, logged_in):
    logged_in()
    experience_id = started(client)
    answer(client, app, experience_id, 2, departments=["werk-en-inkomen"])
    link = f'href="{step_url(experience_id, 3)}"'
    assert link in client.get("/").get_data(as_text=True)
    assert link in client.get("/mijn-ervaringen").get_data(as_text=True)
    later = answer(client, app, experience_id, 3, action="later", lesson="Half af")
    assert later.headers["Location"].endswith("/mijn-ervaringen")
    assert stored(app, experience_id)["step"] == 3
    assert "Half af</textarea>" in client.get(step_url(experience_id, 3)).get_data(as_text=True)


def test_a_version_conflict_shows_the_saved_text_and_keeps_yours(app, client, logged_in):
    logged_in()
    experience_id = started(client)
    old = version(app, experience_id)
    answer(client, app, experience_id, 3, lesson="Uit het andere venster")
    conflict = client.submit(step_url(experience_id, 3),
                             {"version": old, "action": "next", "lesson": "Mijn eigen les"})
    page = conflict.get_data(as_text=True)
    assert conflict.status_code == 409
    assert "Uit het andere venster" in page and "Mijn eigen les</textarea>" in page
    assert f'name="version" type="hidden" value="{version(app, experience_id)}"' in page
    assert stored(app, experience_id)["lesson"] == "Uit het andere venster"


def test_suggestions_come_from_the_text(app, client, logged_in):
    logged_in()
    experience_id = started(client)
    walk_to_suggestions(client, app, experience_id)
    page = client.get(step_url(experience_id, 6)).get_data(as_text=True)
    assert "Past dit bij je ervaring?" in page
    trust = suggestion(page, "condition", "vertrouwen-en-aanspreken")
    assert trust == {"checked": False,
                     "reason": "komt voor in je tekst: ‘vertrouwen’, ‘elkaar’, ‘durfde’"}
    assert re.search(r'name="effect_vertrouwen-en-aanspreken"[^>]*>\s*<option value="hielp">'
                     r'[^<]*</option>\s*<option value="ontbrak" selected>', page)
    assert suggestion(page, "condition", "transparantie") is None
    assert stored(app, experience_id)["conditions"] == {}  # nothing applied yet


def suggestion(page: str, kind: str, value: str) -> dict | None:
    """A suggestion's checkbox state and reason, as the page shows it."""
    found = re.search(rf'<input type="checkbox"[^>]*? id="({kind}-\d+)" name="{kind}" '
                      rf'value="{re.escape(value)}"( checked)?', page)
    if not found:
        return None
    reason = re.search(rf'id="{found.group(1)}-reden">([^<]*)</p>', page)
    return {"checked": bool(found.group(2)), "reason": reason.group(1)}


@pytest.fixture
def colleagues(make_user, make_experience):
    """Three published experiences about debt counselling with the same tag, goal and
    condition; one of them only for the municipality."""
    author = make_user()
    for title, visibility in [("Schuldhulp samen", "met_partners"),
                              ("Schuldhulp met de budgetcoach", "met_partners"),
                              ("Schuldhulp intern", "intern")]:
        make_experience(author, title=title, visibility=visibility,
                        situation="Schuldhulp, budgetcoach en werkgever zaten samen aan tafel "
                                  "over de schulden.",
                        tags=["schuldhulp", "budgetcoach"] if visibility == "intern"
                        else ["schuldhulp"],
                        goals=["werk-boven-uitkering"],
                        conditions={"transparantie": "ontbrak"})
    return author


def test_suggestions_come_from_similar_experiences(app, client, logged_in, colleagues):
    logged_in()
    response = start(client, "De budgetcoach en de werkgever keken samen naar de schulden.")
    experience_id = int(response.headers["Location"].split("/")[-3])
    page = client.get(step_url(experience_id, 6)).get_data(as_text=True)
    goal = suggestion(page, "goal", "werk-boven-uitkering")
    assert goal == {"checked": True, "reason": "staat bij 3 vergelijkbare ervaringen"}
    transparency = suggestion(page, "condition", "transparantie")
    assert transparency["checked"]
    assert re.search(r'name="effect_transparantie"[^>]*>\s*<option value="hielp">[^<]*</option>'
                     r'\s*<option value="ontbrak" selected>', page)
    tag = suggestion(page, "tag", "budgetcoach")
    assert tag["reason"].startswith("komt voor in je tekst: ‘budgetcoach’")
    assert "staat bij 1 vergelijkbare ervaring" in tag["reason"]
    assert "Schuldhulp intern" in page  # under "Vergelijkbare ervaringen"


def test_a_partner_gets_suggestions_only_from_what_partners_may_see(app, client, logged_in,
                                                                    colleagues):
    logged_in("partner")
    response = start(client, "De budgetcoach en de werkgever keken samen naar de schulden.")
    experience_id = int(response.headers["Location"].split("/")[-3])
    page = client.get(step_url(experience_id, 6)).get_data(as_text=True)
    assert "Schuldhulp intern" not in page
    assert suggestion(page, "tag", "budgetcoach") is None  # only on the intern experience
    assert suggestion(page, "goal", "werk-boven-uitkering")["reason"] == \
        "staat bij 2 vergelijkbare ervaringen"
    last = client.get(step_url(experience_id, 7)).get_data(as_text=True)
    assert 'name="visibility"' not in last
    assert "Wat een partner vastlegt, lezen de gemeente en alle partners." in last


def test_accepting_a_subset_applies_only_what_is_ticked(app, client, logged_in, colleagues):
    logged_in()
    response = start(client, "De budgetcoach en de werkgever keken samen naar de schulden. "
                             "Er was geen transparantie.")
    experience_id = int(response.headers["Location"].split("/")[-3])
    shown = {"shown_goal": ["werk-boven-uitkering"],
             "shown_condition": ["transparantie"], "shown_tag": ["schuldhulp", "budgetcoach"]}
    response = answer(client, app, experience_id, 6, **shown, goal=[],
                      condition=["transparantie"], effect_transparantie="hielp",
                      tag=["budgetcoach"])
    assert response.headers["Location"].endswith(step_url(experience_id, 7))
    saved = stored(app, experience_id)
    assert saved["goals"] == [] and saved["tags"] == ["budgetcoach"]
    assert saved["conditions"] == {"transparantie": "hielp"}
    again = client.get(step_url(experience_id, 6)).get_data(as_text=True)
    assert suggestion(again, "tag", "budgetcoach")["reason"].startswith("al gekozen")


def test_publish_from_the_last_step(app, client, logged_in):
    logged_in()
    experience_id = started(client)
    walk_to_suggestions(client, app, experience_id)
    answer(client, app, experience_id, 6)
    page = client.get(step_url(experience_id, 7)).get_data(as_text=True)
    assert "Stap 7 van 7" in page and "Publiceren" in page and "Later afmaken" in page
    assert f'href="/ervaringen/{experience_id}/bewerken"' in page
    published = answer(client, app, experience_id, 7, action="publish",
                       visibility="met_partners")
    assert published.headers["Location"].endswith(f"/ervaringen/{experience_id}")
    saved = stored(app, experience_id)
    assert saved["status"] == "gepubliceerd" and saved["visibility"] == "met_partners"
    assert saved["step"] is None and saved["lesson"] == LESSON
    assert "Eén afspraak met het gezin" in client.get("/ervaringen").get_data(as_text=True)
    assert client.get(step_url(experience_id, 3)).headers["Location"].endswith(
        f"/ervaringen/{experience_id}/bewerken")


def test_publishing_without_a_lesson_points_to_its_step(app, client, logged_in):
    logged_in()
    experience_id = started(client)
    refused = answer(client, app, experience_id, 7, action="publish", visibility="intern")
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert f'<a href="{step_url(experience_id, 3)}#lesson">Les: Vul de les in.</a>' in page
    assert stored(app, experience_id)["status"] == "concept"


def test_a_privacy_finding_is_asked_as_on_the_full_form(app, client, logged_in):
    logged_in()
    experience_id = started(client)
    walk_to_suggestions(client, app, experience_id,
                        lesson="Mail de coördinator op j.jansen@example.nl voor de afspraak.")
    refused = answer(client, app, experience_id, 7, action="publish", visibility="intern")
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert "Staan hier gegevens van inwoners in?" in page
    assert f'href="{step_url(experience_id, 3)}#lesson"' in page
    assert stored(app, experience_id)["status"] == "concept"
    confirmed = answer(client, app, experience_id, 7, action="publish", visibility="intern",
                       confirm_privacy="1")
    assert confirmed.status_code == 302
    assert stored(app, experience_id)["status"] == "gepubliceerd"


def test_only_your_own_concept_goes_through_the_steps(app, client, logged_in, make_user,
                                                      make_experience):
    other = make_user()
    draft = make_experience(other, status="concept")
    published = make_experience(other)
    logged_in()
    assert client.get(step_url(draft.id, 2)).status_code == 404
    assert client.get(step_url(published.id, 2)).status_code == 403
    experience_id = started(client)
    assert client.get(step_url(experience_id, 8)).status_code == 404
    with app.app_context():
        assert db.session.scalars(select(CaptureProgress)).one().experience_id == experience_id


def test_the_steps_speak_english(app, client, logged_in):
    logged_in()
    page = client.get("/ervaringen/snel", headers={"Accept-Language": "en"}).get_data(
        as_text=True)
    assert "What happened?" in page and "Step 1 of 7" in page


def test_going_past_the_last_step_stays_on_it(app, client, logged_in):
    logged_in()
    experience_id = started(client)
    beyond = answer(client, app, experience_id, 7, action="next", visibility="intern")
    assert beyond.headers["Location"].endswith(step_url(experience_id, 7))
    assert stored(app, experience_id)["status"] == "concept"


def test_erasing_an_author_with_their_experiences_takes_the_bookmarks_too(
        app, client, logged_in, make_user):
    author = logged_in()
    started(client)
    client.logout()
    client.login(make_user("beheerder").email)
    url = f"/beheer/gebruikers/{author.id}/wissen"
    erased = client.submit(url, {"understood": "y", "delete_experiences": "y"}, page=url)
    assert erased.status_code == 302
    with app.app_context():
        assert db.session.scalars(select(CaptureProgress)).all() == []
