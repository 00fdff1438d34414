"""Each rule of curation, herkenbaar, comments and the taxonomy, through both doors (the pages
and the API): the same status and the same translated message, in Dutch and in English; and the
services refuse who may not, whoever calls them (the demo loader, the command line)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from rugzak.auth.models import User
from rugzak.comments.models import Comment
from rugzak.comments.services import (
    add_comment,
    delete_comment,
    edit_comment,
    hide_comment,
    restore_comment,
)
from rugzak.curation.services import hide, highlight, remove_highlight, restore
from rugzak.errors import Forbidden, NotFound
from rugzak.experiences.models import Experience
from rugzak.extensions import db
from rugzak.recognition.services import recognise
from rugzak.taxonomy.kinds import KINDS
from rugzak.taxonomy.models import Tag
from rugzak.taxonomy.services import EntryInput, merge_tags, rename_tag, save_entry

from .rules import FORBIDDEN, LANGUAGES, NOT_FOUND, flashed, speaking, text


def refused(response, status: int, field: str | None = None) -> str:
    """The API's message: for `field`, or the general one."""
    assert response.status_code == status, response.get_json()
    body = response.get_json()
    return body["fields"][field] if field else body["error"]


@pytest.fixture
def person(logged_in, token_for):
    """Sign `client` in as a new user of `role` (pages); their token is for `api` (JSON)."""
    def sign_in(role: str = "medewerker", **kwargs):
        user = logged_in(role, **kwargs)
        return user, token_for(user)
    return sign_in


@pytest.fixture
def api(app):
    return app.test_client()


@pytest.fixture
def shared(make_user, make_experience):
    return make_experience(make_user(name="Auteur"), title="Gedeeld", visibility="met_partners",
                           tags=["wijkteam", "regie"])


def as_rows(app, action, *rows):
    """Run a service in the app context on rows given as (model, id or Ref) pairs."""
    with app.app_context():
        return action(*(db.session.get(model, getattr(ref, "id", ref)) for model, ref in rows))


# -- curation: highlight and hide (kernteam) --------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_only_the_core_team_curates(client, api, person, shared, language):
    _, token = person("beheerder")
    url = f"/ervaringen/{shared.id}"
    for action, data, endpoint, body in (("uitlichten", {"note": "Mooi"}, "highlight",
                                          {"note": "Mooi"}),
                                         ("verbergen", {"reason": "Privacy"}, "hidden",
                                          {"reason": "Privacy"})):
        page = client.submit(f"{url}/{action}", data, page=url, headers=speaking(language))
        assert page.status_code == 403 and FORBIDDEN[language] in text(page)
        answer = api.put(f"/api/v1/experiences/{shared.id}/{endpoint}", json=body,
                         headers={**token, **speaking(language)})
        assert refused(answer, 403) == FORBIDDEN[language]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("note, message", [
    ("  ", {"nl": "Schrijf kort waarom deze ervaring ertoe doet.",
            "en": "Write briefly why this experience matters."}),
    ("x" * 301, {"nl": "Gebruik hoogstens 300 tekens.", "en": "Use at most 300 characters."}),
])
def test_a_highlight_needs_a_short_note(client, api, person, shared, note, message, language):
    _, token = person("kernteam")
    page = client.submit(f"/ervaringen/{shared.id}/uitlichten", {"note": note},
                         headers=speaking(language))
    assert page.status_code == 422 and message[language] in text(page)
    answer = api.put(f"/api/v1/experiences/{shared.id}/highlight", json={"note": note},
                     headers={**token, **speaking(language)})
    assert refused(answer, 422, "note") == message[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_only_a_published_visible_experience_is_highlighted(app, client, api, person, shared,
                                                            make_experience, language):
    curator, token = person("kernteam")
    draft = make_experience(curator, status="concept")
    as_rows(app, lambda user, experience: hide(user, experience, "Privacy"),
            (User, curator), (Experience, shared))
    for experience, message in (
            (draft, {"nl": "Alleen een gepubliceerde ervaring kun je uitlichten.",
                     "en": "Only a published experience can be highlighted."}),
            (shared, {"nl": "Een verborgen ervaring kun je niet uitlichten.",
                      "en": "A hidden experience cannot be highlighted."})):
        page = client.submit(f"/ervaringen/{experience.id}/uitlichten", {"note": "Mooi"},
                             headers=speaking(language))
        assert page.status_code == 422 and message[language] in text(page)
        answer = api.put(f"/api/v1/experiences/{experience.id}/highlight", json={"note": "Mooi"},
                         headers={**token, **speaking(language)})
        assert refused(answer, 422, "note") == message[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_hiding_needs_a_reason_and_a_published_shown_experience(app, client, api, person, shared,
                                                                make_experience, language):
    curator, token = person("kernteam")
    draft = make_experience(curator, status="concept")
    cases = [(shared, "  ", {"nl": "Schrijf de reden op; de auteur krijgt die te zien.",
                             "en": "Write down the reason; the author will see it."}),
             (draft, "Privacy", {"nl": "Alleen een gepubliceerde ervaring kun je verbergen.",
                                 "en": "Only a published experience can be hidden."})]
    for experience, reason, message in cases:
        page = client.submit(f"/ervaringen/{experience.id}/verbergen", {"reason": reason},
                             headers=speaking(language))
        assert page.status_code == 422 and message[language] in text(page)
        answer = api.put(f"/api/v1/experiences/{experience.id}/hidden", json={"reason": reason},
                         headers={**token, **speaking(language)})
        assert refused(answer, 422, "reason") == message[language]
    as_rows(app, lambda user, experience: hide(user, experience, "Privacy"),
            (User, curator), (Experience, shared))
    again = {"nl": "Deze ervaring is al verborgen.", "en": "This experience is already hidden."}
    page = client.submit(f"/ervaringen/{shared.id}/verbergen", {"reason": "Nog eens"},
                         headers=speaking(language))
    assert page.status_code == 422 and again[language] in text(page)
    answer = api.put(f"/api/v1/experiences/{shared.id}/hidden", json={"reason": "Nog eens"},
                     headers={**token, **speaking(language)})
    assert refused(answer, 422, "reason") == again[language]


@pytest.mark.parametrize("action", [
    lambda user, experience: highlight(user, experience, "Mooi"),
    lambda user, experience: hide(user, experience, "Privacy"),
    remove_highlight, restore])
def test_curation_services_refuse_who_does_not_curate(app, make_user, shared, action):
    with pytest.raises(Forbidden):
        as_rows(app, action, (User, make_user("beheerder")), (Experience, shared))


# -- herkenbaar -------------------------------------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_your_own_experience_is_not_recognisable(client, api, person, make_experience,
                                                 language):
    me, token = person()
    mine = make_experience(me)
    message = {"nl": "Je eigen ervaring kun je niet herkenbaar vinden.",
               "en": "You cannot mark your own experience as recognisable."}
    button = client.submit(f"/ervaringen/{mine.id}/herkenbaar", page=f"/ervaringen/{mine.id}",
                           headers=speaking(language))
    assert message[language] in flashed(client, button, language)
    answer = api.put(f"/api/v1/experiences/{mine.id}/recognition",
                     headers={**token, **speaking(language)})
    assert refused(answer, 422, "experience") == message[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_hidden_experience_is_not_recognisable(app, client, api, person, shared, language):
    curator, token = person("kernteam")
    as_rows(app, lambda user, experience: hide(user, experience, "Privacy"),
            (User, curator), (Experience, shared))
    message = {"nl": "Deze ervaring kun je nu niet herkenbaar vinden.",
               "en": "You cannot mark this experience as recognisable now."}
    url = f"/ervaringen/{shared.id}"
    button = client.submit(f"{url}/herkenbaar", page=url, headers=speaking(language))
    assert message[language] in flashed(client, button, language)
    answer = api.put(f"/api/v1/experiences/{shared.id}/recognition",
                     headers={**token, **speaking(language)})
    assert refused(answer, 422, "experience") == message[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_what_you_may_not_see_is_not_recognisable(app, client, api, person, make_user,
                                                  make_experience, language):
    partner, token = person("partner")
    internal = make_experience(make_user(), visibility="intern")
    button = client.submit(f"/ervaringen/{internal.id}/herkenbaar", page="/",
                           headers=speaking(language))
    assert button.status_code == 404 and NOT_FOUND[language] in text(button)
    answer = api.put(f"/api/v1/experiences/{internal.id}/recognition",
                     headers={**token, **speaking(language)})
    assert refused(answer, 404) == NOT_FOUND[language]
    with pytest.raises(NotFound):
        as_rows(app, recognise, (User, partner), (Experience, internal))


# -- comments (meedenken) ---------------------------------------------------------------------
def a_comment(app, writer, experience, body: str = "Herkenbaar!") -> int:
    return as_rows(app, lambda user, row: add_comment(user, row, body).id,
                   (User, writer), (Experience, experience))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", ["empty", "long", "draft"])
def test_a_comment_needs_a_short_body_on_a_published_experience(client, api, person, shared,
                                                                make_experience, case,
                                                                language):
    me, token = person()
    body, experience, message = {
        "empty": ("  ", shared, {"nl": "Schrijf eerst je reactie.",
                                 "en": "Write your comment first."}),
        "long": ("x" * 5001, shared, {"nl": "Een reactie mag hoogstens 5000 tekens hebben.",
                                      "en": "A comment may have at most 5000 characters."}),
        "draft": ("Goed", make_experience(me, status="concept"),
                  {"nl": "Bij een concept kun je nog niet reageren.",
                   "en": "You cannot comment on a draft yet."}),
    }[case]
    page = client.submit(f"/ervaringen/{experience.id}/reacties", {"body": body},
                         page=f"/ervaringen/{experience.id}", headers=speaking(language))
    assert page.status_code == 422 and message[language] in text(page)
    answer = api.post(f"/api/v1/experiences/{experience.id}/comments", json={"body": body},
                      headers={**token, **speaking(language)})
    assert refused(answer, 422, "body") == message[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_only_its_writer_edits_a_comment_and_not_once_hidden(app, client, api, person, shared,
                                                             make_user, language):
    writer = make_user()
    theirs = a_comment(app, writer, shared)
    me, token = person()
    mine = a_comment(app, me, shared)
    as_rows(app, lambda user, comment: hide_comment(user, comment, "Ongepast"),
            (User, make_user("kernteam")), (Comment, mine))
    for number in (theirs, mine):
        page = client.submit(f"/reacties/{number}/bewerken", {"body": "Anders"}, page="/",
                             headers=speaking(language))
        assert page.status_code == 403 and FORBIDDEN[language] in text(page)
        answer = api.put(f"/api/v1/comments/{number}", json={"body": "Anders"},
                         headers={**token, **speaking(language)})
        assert refused(answer, 403) == FORBIDDEN[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_only_its_writer_deletes_a_comment(app, client, api, person, shared, make_user,
                                           language):
    number = a_comment(app, make_user(), shared)
    _, token = person("kernteam")
    page = client.submit(f"/reacties/{number}/verwijderen", page="/", headers=speaking(language))
    assert page.status_code == 403 and FORBIDDEN[language] in text(page)
    answer = api.delete(f"/api/v1/comments/{number}", headers={**token, **speaking(language)})
    assert refused(answer, 403) == FORBIDDEN[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_only_the_core_team_hides_and_restores_a_comment(app, client, api, person, shared,
                                                        make_user, language):
    number = a_comment(app, make_user(), shared)
    _, token = person("beheerder")
    for page in (client.submit(f"/reacties/{number}/verbergen", {"reason": "Ongepast"},
                               page="/", headers=speaking(language)),
                 client.submit(f"/reacties/{number}/terugzetten", page="/",
                               headers=speaking(language))):
        assert page.status_code == 403 and FORBIDDEN[language] in text(page)
    for answer in (api.put(f"/api/v1/comments/{number}/hidden", json={"reason": "Ongepast"},
                           headers={**token, **speaking(language)}),
                   api.delete(f"/api/v1/comments/{number}/hidden",
                              headers={**token, **speaking(language)})):
        assert refused(answer, 403) == FORBIDDEN[language]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("reason, message", [
    ("  ", {"nl": "Schrijf de reden op; de schrijver krijgt die te zien.",
            "en": "Write down the reason; the writer will see it."}),
    ("x" * 501, {"nl": "Gebruik hoogstens 500 tekens.", "en": "Use at most 500 characters."}),
])
def test_hiding_a_comment_needs_a_short_reason(app, client, api, person, shared, make_user,
                                               reason, message, language):
    number = a_comment(app, make_user(), shared)
    _, token = person("kernteam")
    page = client.submit(f"/reacties/{number}/verbergen", {"reason": reason},
                         headers=speaking(language))
    assert page.status_code == 422 and message[language] in text(page)
    answer = api.put(f"/api/v1/comments/{number}/hidden", json={"reason": reason},
                     headers={**token, **speaking(language)})
    assert refused(answer, 422, "reason") == message[language]


def test_comment_services_check_their_own_rules(app, make_user, make_experience, shared):
    writer, other = make_user(), make_user("kernteam")
    number = a_comment(app, writer, shared)
    for action in (lambda user, row: edit_comment(user, row, "Anders"), delete_comment):
        with pytest.raises(Forbidden):
            as_rows(app, action, (User, other), (Comment, number))
    for action in (lambda user, row: hide_comment(user, row, "Ongepast"), restore_comment):
        with pytest.raises(Forbidden):
            as_rows(app, action, (User, writer), (Comment, number))
    internal = make_experience(writer, visibility="intern")
    with pytest.raises(NotFound):
        as_rows(app, lambda user, row: add_comment(user, row, "Ja"),
                (User, make_user("partner")), (Experience, internal))


# -- taxonomy ---------------------------------------------------------------------------------
def tag_id(app, name: str) -> int:
    with app.app_context():
        return db.session.scalar(select(Tag.id).where(Tag.name == name))


@pytest.mark.parametrize("language", LANGUAGES)
def test_only_vocabulary_keepers_rename_and_merge_tags(app, client, api, person, shared,
                                                       language):
    _, token = person("medewerker")
    number, other = tag_id(app, "regie"), tag_id(app, "wijkteam")
    for page in (client.submit(f"/beheer/trefwoorden/{number}", {"name": "Regisseur"},
                               page="/", headers=speaking(language)),
                 client.submit("/beheer/trefwoorden", {"source": number, "target": other},
                               page="/", headers=speaking(language))):
        assert page.status_code == 403 and FORBIDDEN[language] in text(page)
    for answer in (api.put(f"/api/v1/taxonomy/tags/{number}", json={"name": "Regisseur"},
                           headers={**token, **speaking(language)}),
                   api.post(f"/api/v1/taxonomy/tags/{number}/merge", json={"into": other},
                            headers={**token, **speaking(language)})):
        assert refused(answer, 403) == FORBIDDEN[language]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name, message", [
    ("  ", {"nl": "Vul de nieuwe naam in.", "en": "Enter the new name."}),
    ("x" * 61, {"nl": "Een trefwoord mag hoogstens 60 tekens hebben.",
                "en": "A tag may have at most 60 characters."}),
    ("Wijkteam", {"nl": "Het trefwoord „wijkteam” bestaat al; voeg de twee samen.",
                  "en": "The tag “wijkteam” already exists; merge the two."}),
])
def test_a_tag_name_is_filled_in_short_and_free(app, client, api, person, shared, name,
                                                message, language):
    _, token = person("kernteam")
    number = tag_id(app, "regie")
    page = client.submit(f"/beheer/trefwoorden/{number}", {"name": name},
                         headers=speaking(language))
    assert page.status_code == 422 and message[language] in text(page)
    answer = api.put(f"/api/v1/taxonomy/tags/{number}", json={"name": name},
                     headers={**token, **speaking(language)})
    assert refused(answer, 422, "name") == message[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_tag_is_not_merged_into_itself(app, client, api, person, shared, language):
    _, token = person("beheerder")
    number = tag_id(app, "regie")
    message = {"nl": "Kies twee verschillende trefwoorden.", "en": "Choose two different tags."}
    page = client.submit("/beheer/trefwoorden", {"source": number, "target": number},
                         headers=speaking(language))
    assert page.status_code == 422 and message[language] in text(page)
    answer = api.post(f"/api/v1/taxonomy/tags/{number}/merge", json={"into": number},
                      headers={**token, **speaking(language)})
    assert refused(answer, 422, "target") == message[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_tag_only_in_someone_elses_draft_is_404(app, client, api, person, make_user,
                                                  make_experience, language):
    make_experience(make_user(), tags=["verborgen woord"], status="concept")
    _, token = person("kernteam")
    number = tag_id(app, "verborgen woord")
    page = client.get(f"/beheer/trefwoorden/{number}", headers=speaking(language))
    assert page.status_code == 404 and NOT_FOUND[language] in text(page)
    answer = api.put(f"/api/v1/taxonomy/tags/{number}", json={"name": "Zichtbaar"},
                     headers={**token, **speaking(language)})
    assert refused(answer, 404) == NOT_FOUND[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_only_the_administrator_keeps_departments(client, api, person, language):
    _, token = person("kernteam")
    page = client.submit("/beheer/afdelingen/nieuw", {"name": "Veiligheid", "active": "y"},
                         page="/", headers=speaking(language))
    assert page.status_code == 403 and FORBIDDEN[language] in text(page)
    answer = api.post("/api/v1/taxonomy/departments", json={"name": "Veiligheid"},
                      headers={**token, **speaking(language)})
    assert refused(answer, 403) == FORBIDDEN[language]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("data, field, message", [
    ({"name": ""}, "name", {"nl": "Vul een naam in.", "en": "Enter a name."}),
    ({"name": "Werk boven uitkering"}, "name",
     {"nl": "Er is al een transformatiedoel met deze naam.",
      "en": "There already is a transformation goal with this name."}),
    ({"name": "!!!"}, "name", {"nl": "Gebruik ten minste één letter of cijfer in de naam.",
                               "en": "Use at least one letter or digit in the name."}),
    ({"name": "x" * 201}, "name", {"nl": "Een naam mag hoogstens 200 tekens hebben.",
                                   "en": "A name may have at most 200 characters."}),
    ({"name": "Goed", "description": "x" * 2001}, "description",
     {"nl": "Een omschrijving mag hoogstens 2000 tekens hebben.",
      "en": "A description may have at most 2000 characters."}),
])
def test_a_list_entry_has_a_free_name_and_a_short_description(client, api, person, data, field,
                                                              message, language):
    _, token = person("kernteam")
    page = client.submit("/beheer/doelen/nieuw", {**data, "active": "y"},
                         headers=speaking(language))
    assert page.status_code == 422 and message[language] in text(page)
    answer = api.post("/api/v1/taxonomy/goals", json=data,
                      headers={**token, **speaking(language)})
    assert refused(answer, 422, field) == message[language]


def test_taxonomy_services_check_who_keeps_what(app, make_user, shared):
    tag, other = tag_id(app, "regie"), tag_id(app, "wijkteam")
    with pytest.raises(Forbidden):
        as_rows(app, lambda user, row: rename_tag(user, row, "Regisseur"),
                (User, make_user()), (Tag, tag))
    with pytest.raises(Forbidden):
        as_rows(app, merge_tags, (User, make_user("partner")), (Tag, tag), (Tag, other))
    with pytest.raises(Forbidden):
        as_rows(app, lambda user: save_entry(user, KINDS["afdelingen"], None,
                                             EntryInput("Veiligheid")),
                (User, make_user("kernteam")))
