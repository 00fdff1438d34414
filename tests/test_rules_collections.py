"""One rule, one place, for bundles, the agenda, insight and reports: each guard gives the same
answer and the same message through the pages and the API, in Dutch and in English."""
from __future__ import annotations

import html

import pytest

from rugzak.agenda.models import AgendaItem
from rugzak.agenda.services import AgendaInput, create_item, update_item
from rugzak.auth.models import User
from rugzak.bundles.services import BundleInput, create_bundle
from rugzak.errors import Forbidden
from rugzak.extensions import db

LANGUAGES = ("nl", "en")
MESSAGES = {
    "forbidden": ("Je hebt geen toestemming voor deze pagina of handeling.",
                  "You are not allowed to see this page or do this."),
    "not_found": ("Deze pagina bestaat niet, of je hebt er geen toegang toe.",
                  "This page does not exist, or you have no access to it."),
    "bundle_title": ("Geef de bundel een titel.", "Give the bundle a title."),
    "bundle_visibility": ("Kies of de bundel intern blijft of met partners gedeeld wordt.",
                          "Choose whether the bundle stays internal or is shared with "
                          "partners."),
    "already_in": ("Deze ervaring staat al in de bundel „Regie”.",
                   "This experience is already in the bundle “Regie”."),
    "not_published": ("Alleen een gepubliceerde, niet verborgen ervaring kan in een bundel.",
                      "Only a published experience that is not hidden can go into a bundle."),
    "note_length": ("Een notitie mag hoogstens 1000 tekens hebben.",
                    "A note may have at most 1000 characters."),
    "agenda_title": ("Vul een titel in.", "Enter a title."),
    "agenda_owner": ("Deze eigenaar bestaat niet (meer); kies een andere.",
                     "This owner does not exist (any more); choose another."),
    "agenda_status": ("Kies een status: idee, loopt, gerealiseerd of gestopt.",
                      "Choose a status: idea, in progress, achieved or stopped."),
    "progress_text": ("Schrijf wat er is gebeurd of veranderd.",
                      "Write what has happened or changed."),
    "stale": ("Iemand anders heeft dit intussen gewijzigd; haal de nieuwste versie (2) op en "
              "probeer opnieuw.",
              "Someone else has changed this in the meantime; fetch the newest version (2) and "
              "try again."),
    "newest_version": ("De nieuwste versie is 2.", "The newest version is 2."),
    "stale_page": ("Iemand anders heeft dit agendapunt intussen gewijzigd",
                   "Someone else has changed this agenda item in the meantime"),
    "date": ("Vul een datum in als jjjj-mm-dd, bijvoorbeeld 2025-03-14.",
             "Enter a date as yyyy-mm-dd, for example 2025-03-14."),
    "end_before_start": ("De einddatum ligt vóór de begindatum.",
                         "The end date is before the start date."),
    "department": ("Kies een afdeling uit de lijst.", "Choose a department from the list."),
    "quote": ("Er ontbreekt een aanhalingsteken: zet een zinsdeel tussen twee "
              "aanhalingstekens, bijvoorbeeld \"warme overdracht\".",
              "A quotation mark is missing: put a phrase between two quotation marks, for "
              "example \"warme overdracht\"."),
}


@pytest.fixture(params=LANGUAGES)
def lang(request) -> str:
    return request.param


def said(key: str, lang: str) -> str:
    return MESSAGES[key][LANGUAGES.index(lang)]


def page_text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


@pytest.fixture
def doors(app, make_user, token_for, lang):
    """For a new user of `role`: a signed-in page client and an API client with their token,
    both asking for `lang`."""

    def open_for(role: str = "medewerker", **kwargs):
        user = make_user(role, **kwargs)
        page, api = app.test_client(), app.test_client()
        page.environ_base["HTTP_ACCEPT_LANGUAGE"] = lang
        page.login(user.email)
        api.environ_base["HTTP_ACCEPT_LANGUAGE"] = lang
        api.environ_base["HTTP_AUTHORIZATION"] = token_for(user)["Authorization"]
        return user, page, api

    return open_for


def assert_refused(page_response, api_response, status: int, message: str) -> None:
    assert page_response.status_code == api_response.status_code == status
    assert message in page_text(page_response)
    assert api_response.get_json()["error"] == message


def assert_invalid(page_response, api_response, fields: dict[str, str]) -> None:
    """422 on both doors: the form shows each message, the JSON has them by field."""
    assert page_response.status_code == api_response.status_code == 422
    assert api_response.get_json()["fields"] == fields
    for message in fields.values():
        assert message in page_text(page_response), message


# -- bundles ---------------------------------------------------------------------------------
def new_bundle(api, title="Regie", visibility="met_partners") -> int:
    response = api.post("/api/v1/bundles", json={"title": title, "visibility": visibility})
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


def add_page(page, bundle_id: int, experience_id: int, note: str = ""):
    return page.submit(f"/bundels/toevoegen/{experience_id}",
                       {"bundle": str(bundle_id), "note": note},
                       page=f"/ervaringen/{experience_id}")


def add_api(api, bundle_id: int, experience_id: int, note: str = ""):
    return api.post(f"/api/v1/bundles/{bundle_id}/items",
                    json={"experience_id": experience_id, "note": note})


def test_only_the_core_team_keeps_bundles(app, doors, lang, make_user):
    user, page, api = doors("medewerker")
    assert_refused(page.submit("/bundels/nieuw", {"title": "Regie", "visibility": "intern"},
                               page="/bundels"),
                   api.post("/api/v1/bundles", json={"title": "Regie"}),
                   403, said("forbidden", lang))
    beheerder = make_user("beheerder")
    with app.app_context():  # the demo loader and the CLI meet the same rule
        for role_holder in (user, beheerder):
            with pytest.raises(Forbidden):
                create_bundle(db.session.get(User, role_holder.id), BundleInput(title="Regie"))


def test_a_bundle_needs_a_title_and_a_known_visibility(doors, lang):
    _, page, api = doors("kernteam")
    typed = {"title": " ", "intro": "Mijn inleiding", "visibility": "overal"}
    page_response = page.submit("/bundels/nieuw", typed)
    assert_invalid(page_response, api.post("/api/v1/bundles", json=typed),
                   {"title": said("bundle_title", lang),
                    "visibility": said("bundle_visibility", lang)})
    assert "Mijn inleiding" in page_text(page_response)
    bundle = new_bundle(api)
    assert_invalid(page.submit(f"/bundels/{bundle}/bewerken", typed),
                   api.put(f"/api/v1/bundles/{bundle}", json=typed),
                   {"title": said("bundle_title", lang),
                    "visibility": said("bundle_visibility", lang)})


def test_an_experience_is_in_a_bundle_once(doors, lang, make_user, make_experience):
    experience = make_experience(make_user())
    _, page, api = doors("kernteam")
    bundle = new_bundle(api)
    assert add_api(api, bundle, experience.id).status_code == 201
    assert_invalid(add_page(page, bundle, experience.id, note="Tweede keer"),
                   add_api(api, bundle, experience.id),
                   {"bundle": said("already_in", lang)})


def test_only_a_published_visible_experience_goes_into_a_bundle(doors, lang, make_user,
                                                                 make_experience):
    experience = make_experience(make_user())
    _, page, api = doors("kernteam")
    page.submit(f"/ervaringen/{experience.id}/verbergen", {"reason": "Privacy"})
    bundle = new_bundle(api)
    assert_invalid(add_page(page, bundle, experience.id), add_api(api, bundle, experience.id),
                   {"bundle": said("not_published", lang)})


def test_a_note_has_at_most_1000_characters(doors, lang, make_user, make_experience):
    experience = make_experience(make_user())
    _, page, api = doors("kernteam")
    bundle = new_bundle(api)
    item = add_api(api, bundle, experience.id).get_json()["items"][0]["id"]
    long_note = "x" * 1001
    assert_invalid(page.submit(f"/bundels/{bundle}/onderdelen/{item}/notitie",
                               {"note": long_note}),
                   api.patch(f"/api/v1/bundles/{bundle}/items/{item}", json={"note": long_note}),
                   {"note": said("note_length", lang)})


def test_an_internal_bundle_does_not_exist_for_partners(doors, lang):
    _, _, keeper = doors("kernteam")
    bundle = new_bundle(keeper, title="Alleen intern", visibility="intern")
    _, page, api = doors("partner")
    assert_refused(page.get(f"/bundels/{bundle}"), api.get(f"/api/v1/bundles/{bundle}"),
                   404, said("not_found", lang))
    report = page.get(f"/verslag/bundel?bundle={bundle}")
    assert report.status_code == 404 and said("not_found", lang) in page_text(report)


# -- agenda ----------------------------------------------------------------------------------
def agenda_item(app, by, owner="department:werk-en-inkomen", shared=False) -> int:
    with app.app_context():
        return create_item(db.session.get(User, by.id), AgendaInput(
            title="Vaste overdracht", owner=owner, shared_with_partners=shared)).id


def test_partners_do_not_start_agenda_items(app, doors, lang):
    partner, page, api = doors("partner")
    assert_refused(page.submit("/agenda/nieuw", {"title": "x", "owner": "partner:uwv"},
                               page="/agenda"),
                   api.post("/api/v1/agenda", json={"title": "x", "owner": "partner:uwv"}),
                   403, said("forbidden", lang))
    with app.app_context(), pytest.raises(Forbidden):
        create_item(db.session.get(User, partner.id),
                    AgendaInput(title="x", owner="partner:uwv"))


def test_a_medewerker_edits_only_items_of_their_own(app, doors, lang, make_user):
    item = agenda_item(app, make_user("kernteam"), owner="department:werk-en-inkomen")
    colleague, page, api = doors("medewerker", department="jeugd-en-onderwijs")
    edit = {"title": "Anders", "owner": "department:werk-en-inkomen", "status": "idee",
            "version": "1"}
    assert_refused(page.submit(f"/agenda/{item}/bewerken", edit, page="/agenda"),
                   api.put(f"/api/v1/agenda/{item}", json={"title": "Anders", "version": 1}),
                   403, said("forbidden", lang))
    with app.app_context(), pytest.raises(Forbidden):
        row = db.session.get(AgendaItem, item)
        update_item(db.session.get(User, colleague.id), row, AgendaInput.from_item(row), 1)


def test_an_internal_agenda_item_does_not_exist_for_partners(app, doors, lang, make_user):
    item = agenda_item(app, make_user())
    _, page, api = doors("partner")
    assert_refused(page.get(f"/agenda/{item}"), api.get(f"/api/v1/agenda/{item}"),
                   404, said("not_found", lang))
    assert_refused(page.submit(f"/agenda/{item}/voortgang", {"text": "x"}, page="/agenda"),
                   api.post(f"/api/v1/agenda/{item}/updates", json={"text": "x"}),
                   404, said("not_found", lang))


def test_an_agenda_item_needs_a_title_an_existing_owner_and_a_known_status(doors, lang):
    _, page, api = doors("medewerker")
    typed = {"title": "", "description": "Mijn uitleg", "owner": "department:nergens",
             "status": "later"}
    page_response = page.submit("/agenda/nieuw", typed)
    assert_invalid(page_response, api.post("/api/v1/agenda", json=typed),
                   {"title": said("agenda_title", lang), "owner": said("agenda_owner", lang),
                    "status": said("agenda_status", lang)})
    assert "Mijn uitleg" in page_text(page_response)


def test_progress_needs_text(app, doors, lang, make_user):
    item = agenda_item(app, make_user(), shared=True)
    _, page, api = doors("partner")
    page_response = page.submit(f"/agenda/{item}/voortgang",
                                {"text": "  ", "status": "", "version": "1"})
    assert page_response.status_code == 422
    assert said("progress_text", lang) in page_text(page_response)
    api_response = api.post(f"/api/v1/agenda/{item}/updates", json={"text": "  "})
    assert api_response.status_code == 422
    assert api_response.get_json()["fields"] == {"text": said("progress_text", lang)}


def test_a_stale_agenda_edit_is_refused_on_both_doors(app, doors, lang):
    _, page, api = doors("kernteam")
    item = api.post("/api/v1/agenda", json={"title": "Eerst", "owner": "partner:uwv"})
    number = item.get_json()["id"]
    assert api.put(f"/api/v1/agenda/{number}", json={"title": "Tweede", "version": 1}
                   ).status_code == 200
    stale = api.put(f"/api/v1/agenda/{number}", json={"title": "Derde", "version": 1})
    assert stale.status_code == 409
    assert stale.get_json()["error"] == said("stale", lang)
    assert stale.get_json()["fields"] == {"version": said("newest_version", lang)}
    page_response = page.submit(f"/agenda/{number}/bewerken",
                                {"title": "Mijn versie", "owner": "partner:uwv",
                                 "status": "idee", "version": "1"})
    assert page_response.status_code == 409
    assert said("stale_page", lang) in page_text(page_response)
    assert 'value="Mijn versie"' in page_text(page_response)


# -- insight and reports ---------------------------------------------------------------------
SEARCHES = "zoekvragen-zonder-resultaat"


def test_unanswered_searches_are_for_curators_only(doors, lang):
    _, page, api = doors("medewerker")
    assert_refused(page.get(f"/inzicht/{SEARCHES}.csv"), api.get(f"/api/v1/insight/{SEARCHES}"),
                   403, said("forbidden", lang))
    assert_refused(page.get("/inzicht/onbekend.csv"), api.get("/api/v1/insight/onbekend"),
                   404, said("not_found", lang))
    _, page, api = doors("beheerder")
    assert page.get(f"/inzicht/{SEARCHES}.csv").status_code == 200
    assert api.get(f"/api/v1/insight/{SEARCHES}").status_code == 200


def test_a_period_is_checked_alike_for_figures_and_reports(doors, lang):
    _, page, api = doors("medewerker")
    wrong = "start=morgen&end=2024-01-01&department=nergens"
    fields = {"start": said("date", lang), "department": said("department", lang)}
    assert_invalid(page.get(f"/inzicht/trefwoorden.csv?{wrong}"),
                   api.get(f"/api/v1/insight/trefwoorden?{wrong}"), fields)
    assert_invalid(page.get(f"/verslag/periode?{wrong}"), api.get(f"/api/v1/insight?{wrong}"),
                   fields)
    backwards = "start=2025-02-01&end=2025-01-01"
    assert_invalid(page.get(f"/verslag/periode.pdf?{backwards}"),
                   api.get(f"/api/v1/insight?{backwards}"),
                   {"end": said("end_before_start", lang)})


def test_a_broken_query_is_explained_alike(doors, lang):
    _, page, api = doors("medewerker")
    export = page.get('/zoeken/export.csv?q="open')
    assert export.status_code == 422 and said("quote", lang) in page_text(export)
    report = page.get('/verslag/zoekopdracht?q="open')
    assert report.status_code == 422 and said("quote", lang) in page_text(report)
    found = api.get('/api/v1/search?q="open')
    assert found.status_code == 422 and found.get_json()["fields"]["q"] == said("quote", lang)
