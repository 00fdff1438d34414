"""Plain-language help on the experience form: the button without JavaScript, and the API."""
import re
from pathlib import Path

from sqlalchemy import func, select

from rugzak.experiences.models import Experience
from rugzak.experiences.services import SECTION_MAX
from rugzak.extensions import db

from .test_experiences import FULL_FORM

OFFICIAL_LESSON = "Teneinde dubbel werk te voorkomen, spreken wij middels een vast overleg af."
CHECK = {**FULL_FORM, "publish": None, "check_writing": "1", "lesson": OFFICIAL_LESSON}


def experience_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(Experience.id)))


def test_the_check_button_shows_advice_keeps_the_text_and_saves_nothing(app, client, logged_in):
    logged_in()
    response = client.submit("/ervaringen/nieuw", CHECK)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Ambtelijk: “teneinde”. Schrijf liever: om." in page
    assert "Ambtelijk: “middels”. Schrijf liever: met, door." in page
    assert "Er is nog niets bewaard." in page
    assert OFFICIAL_LESSON in page and 'value="Eén plan met de wijkteams"' in page
    assert 'value="2025-03-14"' in page and re.search(r'checked [^>]*id="kind-0"', page)
    assert 'aria-describedby="lesson-hint lesson-advies"' in page
    assert 'id="lesson-advies" aria-live="polite"' in page
    assert experience_count(app) == 0


def test_the_check_button_on_the_edit_form_changes_nothing(app, client, logged_in,
                                                           make_experience):
    author = logged_in()
    experience = make_experience(author, lesson="Spreek vooraf af wie de regie heeft.")
    url = f"/ervaringen/{experience.id}/bewerken"
    response = client.submit(url, {**CHECK, "version": str(experience.version)})
    assert response.status_code == 200
    assert "Schrijf liever: om." in response.get_data(as_text=True)
    with app.app_context():
        saved = db.session.get(Experience, experience.id)
        assert (saved.lesson, saved.version) == ("Spreek vooraf af wie de regie heeft.",
                                                 experience.version)


def test_the_check_button_needs_the_csrf_token(app, client, logged_in):
    logged_in()
    response = client.post("/ervaringen/nieuw", data=CHECK)
    assert response.status_code == 400
    assert "Het formulier is verlopen" in response.get_data(as_text=True)


def test_the_check_button_refuses_an_over_long_section_and_keeps_it(client, logged_in):
    logged_in()
    response = client.submit("/ervaringen/nieuw", {**CHECK, "tip": "x" * (SECTION_MAX + 1)})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f"Dit deel mag hoogstens {SECTION_MAX} tekens hebben." in page
    assert OFFICIAL_LESSON in page


def test_the_api_gives_figures_and_advice_per_section(client, api_user):
    _user, headers = api_user()
    response = client.post("/api/v1/writing/check", headers=headers, json={"texts": {
        "lesson": OFFICIAL_LESSON, "tip": ""}})
    assert response.status_code == 200
    lesson = response.json["sections"]["lesson"]
    assert lesson["officialese"] == [{"phrase": "teneinde", "plain": "om"},
                                     {"phrase": "middels", "plain": "met, door"}]
    assert (lesson["words"], lesson["sentences"]) == (12, 1)
    assert lesson["level"] in {"goed", "redelijk", "lastig"}
    assert lesson["summary"].startswith("Leesbaarheid: ")
    assert "Ambtelijk: “middels”. Schrijf liever: met, door." in lesson["lines"]
    assert response.json["sections"]["tip"]["summary"] == ""


def test_the_api_refuses_bad_input_in_dutch(client, api_user):
    _user, headers = api_user()
    check = "/api/v1/writing/check"
    missing = client.post(check, headers=headers, json={})
    assert missing.status_code == 422
    assert "Dit veld is verplicht." in str(missing.json)
    not_an_object = client.post(check, headers=headers, json={"texts": ["les"]})
    assert not_an_object.status_code == 422
    assert "Verwacht een object." in str(not_an_object.json)
    unknown = client.post(check, headers=headers, json={"texts": {"titel": "Hallo"}})
    assert unknown.status_code == 422
    assert unknown.json["fields"]["titel"].startswith("Onbekend tekstdeel.")
    too_long = client.post(check, headers=headers, json={"texts": {
        "lesson": "x" * (SECTION_MAX + 1)}})
    assert too_long.status_code == 422
    assert too_long.json["fields"]["lesson"] == (
        f"Dit deel mag hoogstens {SECTION_MAX} tekens hebben.")
    exactly = client.post(check, headers=headers, json={"texts": {"lesson": "x" * SECTION_MAX}})
    assert exactly.status_code == 200


def test_the_api_answers_a_session_only_with_the_csrf_header(client, logged_in):
    logged_in()
    body = {"texts": {"lesson": OFFICIAL_LESSON}}
    assert client.post("/api/v1/writing/check", json=body).status_code == 400
    token = client.csrf_token("/ervaringen/nieuw")
    answer = client.post("/api/v1/writing/check", json=body, headers={"X-CSRFToken": token})
    assert answer.status_code == 200


def test_the_api_is_documented(client, api_user):
    _user, headers = api_user()
    spec = client.get("/api/v1/openapi.json", headers=headers).json
    assert "post" in spec["paths"]["/api/v1/writing/check"]


def test_the_form_loads_the_live_script_from_this_origin(client, logged_in):
    logged_in()
    page = client.get("/ervaringen/nieuw").get_data(as_text=True)
    assert '<script src="/static/writing.js" defer></script>' in page
    assert 'data-writing-check="/api/v1/writing/check"' in page
    assert client.get("/static/writing.js").status_code == 200


def test_the_advice_speaks_the_readers_language(client, api_user):
    _user, headers = api_user()
    answer = client.post("/api/v1/writing/check", json={"texts": {"lesson": OFFICIAL_LESSON}},
                         headers={**headers, "Accept-Language": "en"})
    lesson = answer.json["sections"]["lesson"]
    assert lesson["summary"].startswith("Readability: ")
    assert "Officialese: “teneinde”. Plain Dutch instead: om." in lesson["lines"]
    refused = client.post("/api/v1/writing/check", json={"texts": {"titel": "x"}},
                          headers={**headers, "Accept-Language": "en"})
    assert refused.json["fields"]["titel"].startswith("Unknown text section.")


def test_the_core_team_adds_words_in_the_instance_folder(app, client, api_user):
    _user, headers = api_user()
    extra = Path(app.instance_path) / "schrijfhulp.toml"
    extra.write_text('[ambtelijk]\n"casusregie" = "wie de regie heeft"\n', encoding="utf-8")
    answer = client.post("/api/v1/writing/check", headers=headers,
                         json={"texts": {"tip": "Regel de casusregie middels een belletje."}})
    assert answer.json["sections"]["tip"]["officialese"] == [
        {"phrase": "casusregie", "plain": "wie de regie heeft"},
        {"phrase": "middels", "plain": "met, door"}]
