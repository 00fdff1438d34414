"""Each rule of experiences, the bin, revisions and the import: one function, the same answer
and the same translated message through the pages and the API (and the command line)."""
from __future__ import annotations

from io import BytesIO

import pytest
from sqlalchemy import func, select

from rugzak.auth.models import User
from rugzak.bin.services import delete_experience, restore_experience
from rugzak.errors import Forbidden
from rugzak.experiences.models import Experience
from rugzak.extensions import db
from rugzak.revisions.models import ExperienceRevision
from rugzak.revisions.services import restore_revision
from rugzak.transfer.services import save_sheet
from rugzak.transfer.spreadsheet import Sheet

from .rules import LANGUAGES, NOT_FOUND, speaking, text

BSN = "111222333"
NOT_EDITABLE = {"nl": "Alleen de auteur en het kernteam kunnen deze ervaring bewerken.",
                "en": "Only the author and the core team can edit this experience."}
NOT_DELETABLE = {"nl": "Alleen de auteur en het kernteam kunnen deze ervaring verwijderen.",
                 "en": "Only the author and the core team can delete this experience."}
NO_BIN = {"nl": "Alleen het kernteam kan de prullenbak gebruiken.",
          "en": "Only the core team can use the bin."}
NOT_RESTORABLE = {"nl": "Alleen het kernteam en de auteur die hem zelf verwijderde, kunnen deze "
                        "ervaring terugzetten.",
                  "en": "Only the core team, and the author who deleted it themselves, can "
                        "restore this experience."}
NO_HISTORY = {"nl": "De geschiedenis van een ervaring is er alleen voor wie hem mag bewerken "
                    "en voor de beheerder.",
              "en": "The history of an experience is only for those who may edit it and for "
                    "the administrator."}
NO_IMPORT = {"nl": "Alleen de beheerder kan ervaringen importeren.",
             "en": "Only the administrator can import experiences."}
NO_TITLE = {"nl": "Vul een titel in.", "en": "Enter a title."}
NEWEST = {"nl": "De nieuwste versie is 2.", "en": "The newest version is 2."}
RESIDENT_DATA = {
    "nl": "Je tekst lijkt gegevens van inwoners te bevatten. Haal ze weg, of bevestig dat het "
          "geen gegevens van inwoners zijn.",
    "en": "Your text seems to contain data of residents. Remove it, or confirm that it is not "
          "data of residents."}
UNREADABLE = {"nl": "Dit XLSX-bestand kunnen we niet lezen. Bewaar het opnieuw als "
                    "Excel-werkmap (.xlsx) of als CSV.",
              "en": "We cannot read this XLSX file. Save it again as an Excel workbook (.xlsx) "
                    "or as CSV."}


@pytest.fixture
def api(app, token_for):
    """A second client for the API door, with a token: api(user, "en").put(...)."""
    client = app.test_client()

    def call(user, code: str, method: str, url: str, **kwargs):
        headers = {**token_for(user), **speaking(code)}
        return client.open(url, method=method, headers=headers, **kwargs)

    return call


def form(**values) -> dict:
    data = {"title": "Samen aan tafel", "kind": "les", "situation": "Een overleg.",
            "lesson": "Spreek vooraf af wie de regie heeft.", "publish": "1"}
    return {**data, **values}


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("code", LANGUAGES)
def test_only_the_author_and_the_kernteam_edit(client, api, make_user, make_experience, code):
    """experiences.policies.editable_or_404 (both doors) and ensure_may_edit (the service)."""
    author, colleague = make_user(), make_user()
    experience = make_experience(author)
    client.login(colleague.email)
    page = client.submit(f"/ervaringen/{experience.id}/bewerken", form(version="1"),
                         page="/", headers=speaking(code))
    answer = api(colleague, code, "PUT", f"/api/v1/experiences/{experience.id}",
                 json={"version": 1, "title": "Overgenomen"})
    assert (page.status_code, answer.status_code) == (403, 403)
    assert NOT_EDITABLE[code] in text(page)
    assert answer.get_json()["error"] == NOT_EDITABLE[code]


@pytest.mark.parametrize("code", LANGUAGES)
def test_what_a_partner_may_not_see_is_not_found_by_either_door(client, api, make_user,
                                                                make_experience, code):
    experience = make_experience(make_user(), visibility="intern")
    partner = make_user("partner")
    client.login(partner.email)
    page = client.submit(f"/ervaringen/{experience.id}/bewerken", form(version="1"),
                         page="/", headers=speaking(code))
    answer = api(partner, code, "PUT", f"/api/v1/experiences/{experience.id}",
                 json={"version": 1})
    assert (page.status_code, answer.status_code) == (404, 404)
    assert NOT_FOUND[code] in text(page) and answer.get_json()["error"] == NOT_FOUND[code]


@pytest.mark.parametrize("code", LANGUAGES)
def test_invalid_input_has_the_same_message_at_the_same_field(app, client, api, make_user,
                                                              code):
    """experiences.services._validate_fields, raised as InvalidInput."""
    user = make_user()
    client.login(user.email)
    page = client.submit("/ervaringen/nieuw", form(title=""), headers=speaking(code))
    answer = api(user, code, "POST", "/api/v1/experiences",
                 json={"title": "", "situation": "Een overleg.", "lesson": "Les."})
    assert (page.status_code, answer.status_code) == (422, 422)
    assert NO_TITLE[code] in text(page)
    assert answer.get_json()["fields"]["title"] == NO_TITLE[code]
    assert count(app, Experience) == 0


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_stale_version_is_refused_with_the_newest_version(client, api, make_user,
                                                            make_experience, code):
    """experiences.services.update_experience raises rugzak.errors.StaleVersion."""
    author = make_user()
    experience = make_experience(author)
    url = f"/api/v1/experiences/{experience.id}"
    assert api(author, code, "PUT", url, json={"version": 1, "title": "Eerst"}).status_code \
        == 200
    client.login(author.email)
    page = client.submit(f"/ervaringen/{experience.id}/bewerken", form(version="1"),
                         headers=speaking(code))
    answer = api(author, code, "PUT", url, json={"version": 1, "title": "Daarna"})
    assert (page.status_code, answer.status_code) == (409, 409)
    assert NEWEST[code] in text(page)
    assert answer.get_json()["fields"]["version"] == NEWEST[code]
    assert "(2)" in answer.get_json()["error"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_resident_data_needs_a_confirmation_through_both_doors(app, client, api, make_user,
                                                               code):
    """privacy.check.check_resident_data, called by the experience services."""
    user = make_user()
    client.login(user.email)
    situation = f"Moeder met BSN {BSN} kwam langs."
    page = client.submit("/ervaringen/nieuw", form(situation=situation),
                         headers=speaking(code))
    answer = api(user, code, "POST", "/api/v1/experiences",
                 json={"title": "Loket", "situation": situation, "lesson": "Les.",
                       "status": "gepubliceerd"})
    assert (page.status_code, answer.status_code) == (422, 422)
    assert RESIDENT_DATA[code] in text(page)
    assert f'<mark class="finding">{BSN}</mark>' in text(page)
    assert answer.get_json()["fields"]["confirm_privacy"] == RESIDENT_DATA[code]
    assert [f["value"] for f in answer.get_json()["findings"]] == [BSN]
    assert count(app, Experience) == 0


@pytest.mark.parametrize("code", LANGUAGES)
def test_only_the_author_and_the_kernteam_delete(app, client, api, make_user, make_experience,
                                                 code):
    """bin.policies.ensure_may_delete, called by bin.services.delete_experience."""
    author, colleague = make_user(), make_user()
    experience = make_experience(author)
    client.login(colleague.email)
    page = client.submit(f"/ervaringen/{experience.id}/verwijderen", page="/",
                         headers=speaking(code))
    answer = api(colleague, code, "DELETE", f"/api/v1/experiences/{experience.id}")
    assert (page.status_code, answer.status_code) == (403, 403)
    assert NOT_DELETABLE[code] in text(page)
    assert answer.get_json()["error"] == NOT_DELETABLE[code]
    with app.app_context(), pytest.raises(Forbidden) as refused:
        delete_experience(db.session.get(User, colleague.id),
                          db.session.get(Experience, experience.id))
    with app.test_request_context(headers=speaking(code)):
        assert refused.value.text() == NOT_DELETABLE[code]
    with app.app_context():
        assert not db.session.get(Experience, experience.id).is_deleted


@pytest.mark.parametrize("code", LANGUAGES)
def test_only_the_kernteam_uses_the_bin(app, client, make_user, make_experience, code):
    """bin.policies: ensure_may_use_bin for the bin page, may_restore for the restore button
    and the service: the kernteam, or the author who deleted it themselves."""
    author, colleague = make_user(), make_user()
    experience = make_experience(author)
    client.login(author.email)
    assert client.submit(f"/ervaringen/{experience.id}/verwijderen").status_code == 302
    client.logout()
    client.login(colleague.email)
    index = client.get("/prullenbak", headers=speaking(code))
    button = client.submit(f"/prullenbak/{experience.id}/terugzetten", page="/",
                           headers=speaking(code))
    assert (index.status_code, button.status_code) == (403, 403)
    assert NO_BIN[code] in text(index) and NOT_RESTORABLE[code] in text(button)
    with app.app_context(), pytest.raises(Forbidden) as refused:
        restore_experience(db.session.get(User, colleague.id),
                           db.session.get(Experience, experience.id))
    with app.test_request_context(headers=speaking(code)):
        assert refused.value.text() == NOT_RESTORABLE[code]


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_author_does_not_undo_what_the_kernteam_deleted(app, client, make_user,
                                                            make_experience, code):
    author = make_user()
    experience = make_experience(author)
    client.login(make_user("kernteam").email)
    assert client.submit(f"/ervaringen/{experience.id}/verwijderen").status_code == 302
    client.logout()
    client.login(author.email)
    assert "Ongedaan maken" not in client.get("/mijn-ervaringen").get_data(as_text=True)
    button = client.submit(f"/prullenbak/{experience.id}/terugzetten", page="/",
                           headers=speaking(code))
    assert button.status_code == 403 and NOT_RESTORABLE[code] in text(button)
    with app.app_context(), pytest.raises(Forbidden):
        restore_experience(db.session.get(User, author.id),
                           db.session.get(Experience, experience.id))


@pytest.mark.parametrize("code", LANGUAGES)
def test_history_is_for_editors_and_the_beheerder(client, make_user, make_experience, code):
    """revisions.policies.with_history_or_404 (pages only: the API has no history)."""
    experience = make_experience(make_user())
    client.login(make_user().email)
    for url in (f"/ervaringen/{experience.id}/geschiedenis",
                f"/ervaringen/{experience.id}/geschiedenis/vergelijken"):
        response = client.get(url, headers=speaking(code))
        assert response.status_code == 403 and NO_HISTORY[code] in text(response)


@pytest.mark.parametrize("code", LANGUAGES)
def test_restoring_a_version_goes_through_the_experience_rules(app, client, make_user,
                                                               make_experience, code):
    """revisions.services.restore_revision saves with update_experience: the editor check and
    the resident-data check apply to it too."""
    author, colleague = make_user(), make_user()
    experience = make_experience(author, situation=f"BSN {BSN} in een concept.",
                                 status="concept")
    client.login(author.email)
    edit = f"/ervaringen/{experience.id}/bewerken"
    assert client.submit(edit, form(version="1")).status_code == 302  # published, no BSN
    history = f"/ervaringen/{experience.id}/geschiedenis"
    response = client.submit(f"{history}/1/terugzetten", {"version": "2"}, page=history,
                             headers=speaking(code))
    assert response.status_code == 422 and RESIDENT_DATA[code] in text(response)
    client.logout()
    client.login(colleague.email)
    response = client.submit(f"{history}/1/terugzetten", {"version": "2"}, page="/",
                             headers=speaking(code))
    assert response.status_code == 403 and NOT_EDITABLE[code] in text(response)
    with app.app_context(), pytest.raises(Forbidden) as refused:
        row = db.session.get(Experience, experience.id)
        revision = db.session.scalars(select(ExperienceRevision).filter_by(
            experience_id=row.id, number=1)).one()
        restore_revision(db.session.get(User, colleague.id), row, revision, 2)
    with app.test_request_context(headers=speaking(code)):
        assert refused.value.text() == NOT_EDITABLE[code]


def upload(client, name: str, content: bytes, code: str):
    return client.submit("/beheer/import", {"file": (BytesIO(content), name)},
                         content_type="multipart/form-data", headers=speaking(code))


@pytest.mark.parametrize("code", LANGUAGES)
def test_only_the_beheerder_imports(app, client, make_user, code):
    """transfer.policies.ensure_may_import: the import pages and transfer.services.save_sheet."""
    user = make_user("kernteam")
    client.login(user.email)
    response = upload(client, "lijst.csv", b"titel;situatie;les\nA;B;C\n", code)
    assert response.status_code == 403 and NO_IMPORT[code] in text(response)
    with app.app_context(), pytest.raises(Forbidden) as refused:
        save_sheet(db.session.get(User, user.id), Sheet(), "lijst.csv")
    with app.test_request_context(headers=speaking(code)):
        assert refused.value.text() == NO_IMPORT[code]


def test_an_unreadable_file_is_explained_alike_on_the_page_and_the_command_line(
        client, runner, make_user, tmp_path):
    client.login(make_user("beheerder").email)
    for code in LANGUAGES:
        response = upload(client, "lijst.xlsx", b"geen excel", code)
        assert response.status_code == 422 and UNREADABLE[code] in text(response)
    broken = tmp_path / "lijst.xlsx"
    broken.write_bytes(b"geen excel")
    result = runner.invoke(args=["import", str(broken)])
    assert result.exit_code == 1 and UNREADABLE["nl"] in result.output


def test_an_imported_row_gets_the_resident_data_check_of_the_form(app, client, runner,
                                                                  make_user, tmp_path):
    """The importer checks each row with experiences.services.find_problems and saves it with
    add_experience: the same rule as the form and the API, reported by row and column."""
    admin = make_user("beheerder", email="beheer@gemeente.example")
    sheet = f"titel;situatie;les\nLoket;Moeder met BSN {BSN} kwam langs.;Les.\n".encode()
    file = tmp_path / "lijst.csv"
    file.write_bytes(sheet)
    result = runner.invoke(args=["import", "--author", admin.email, str(file)])
    assert result.exit_code == 1
    assert "Rij 2, kolom 'situatie': lijkt een BSN te bevatten" in result.output
    client.login(admin.email)
    response = upload(client, "lijst.csv", sheet, "nl")
    assert response.status_code == 422 and "lijkt een BSN te bevatten" in text(response)
    assert count(app, Experience) == 0
