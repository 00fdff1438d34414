"""Each rule of user administration, the own password, the set-password link and erasure, through
every door that offers it (pages, API, command line): the same status and the same translated
message, in Dutch and in English."""
from __future__ import annotations

import pytest

from rugzak.admin.services import deactivate_user
from rugzak.auth.models import User
from rugzak.errors import Forbidden
from rugzak.extensions import db

from .conftest import PASSWORD
from .rules import FORBIDDEN, LANGUAGES, NOT_FOUND, flashed, speaking, text
from .test_admin_users import link_of, set_password

NEW_USER = {"name": "Nieuwe Collega", "email": "nieuw@gemeente.example", "role": "medewerker",
            "department": "jeugd-en-onderwijs", "partner": ""}

SELF_DEACTIVATE = {"nl": "Je kunt jezelf niet deactiveren.",
                   "en": "You cannot deactivate yourself."}
REACTIVATE_FIRST = {"nl": "Heractiveer het account eerst.",
                    "en": "Reactivate the account first."}
OWN_ROLE = {"nl": "Je kunt je eigen rol niet wijzigen; vraag een andere beheerder.",
            "en": "You cannot change your own role; ask another administrator."}


@pytest.fixture
def admin(app, client, logged_in, token_for):
    """A beheerder signed in on `client` (pages) with a token for `api` (JSON)."""
    me = logged_in("beheerder")
    return me, token_for(me), app.test_client()


# -- "not yourself" and "reactivate first" ----------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_nobody_deactivates_themselves(app, client, admin, language):
    me, token, api = admin
    url = f"/beheer/gebruikers/{me.id}"
    page = client.submit(f"{url}/deactiveren", page=url, headers=speaking(language))
    assert SELF_DEACTIVATE[language] in flashed(client, page, language)
    answer = api.post(f"/api/v1/users/{me.id}/deactivate",
                      headers={**token, **speaking(language)})
    assert answer.status_code == 422
    assert answer.get_json()["fields"] == {"user": SELF_DEACTIVATE[language]}
    with app.app_context():
        assert db.session.get(User, me.id).active


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_password_link_needs_an_active_account(app, client, admin, make_user, language):
    _, token, api = admin
    other = make_user()
    with app.app_context():
        deactivate_user(None, db.session.get(User, other.id))
    url = f"/beheer/gebruikers/{other.id}"
    page = client.submit(f"{url}/wachtwoordlink", page=url, headers=speaking(language))
    assert REACTIVATE_FIRST[language] in flashed(client, page, language)
    answer = api.post(f"/api/v1/users/{other.id}/password-link",
                      headers={**token, **speaking(language)})
    assert answer.status_code == 422
    assert answer.get_json()["fields"] == {"user": REACTIVATE_FIRST[language]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_nobody_changes_their_own_role(app, client, admin, language):
    me, token, api = admin
    url = f"/beheer/gebruikers/{me.id}"
    page = client.submit(url, {"role": "medewerker", "department": "werk-en-inkomen",
                               "partner": ""}, headers=speaking(language))
    assert page.status_code == 422 and OWN_ROLE[language] in text(page)
    answer = api.put(f"/api/v1/users/{me.id}", json={"role": "medewerker",
                                                     "department": "werk-en-inkomen"},
                     headers={**token, **speaking(language)})
    assert answer.status_code == 422
    assert answer.get_json()["fields"] == {"role": OWN_ROLE[language]}
    with app.app_context():
        assert db.session.get(User, me.id).role == "beheerder"


# -- what a new or changed account must be ----------------------------------------------------
NEW_USER_RULES = [
    ({"email": "geen-adres"}, "email",
     {"nl": "„geen-adres” is geen geldig e-mailadres.",
      "en": "“geen-adres” is not a valid email address."}),
    ({"email": "BESTAAT@gemeente.example"}, "email",
     {"nl": "Er is al een account met e-mailadres bestaat@gemeente.example.",
      "en": "There already is an account with the email address bestaat@gemeente.example."}),
    ({"name": " "}, "name", {"nl": "Vul een naam in.", "en": "Enter a name."}),
    ({"role": "baas"}, "role",
     {"nl": "Onbekende rol „baas”; kies uit medewerker, partner, kernteam, beheerder.",
      "en": "Unknown role “baas”; choose from medewerker, partner, kernteam, beheerder."}),
    ({"role": "partner", "department": ""}, "partner",
     {"nl": "Een partner hoort bij een partnerorganisatie.",
      "en": "A partner belongs to a partner organisation."}),
    ({"role": "partner", "partner": "uwv"}, "department",
     {"nl": "Een partner hoort niet bij een afdeling van de gemeente.",
      "en": "A partner does not belong to a department of the municipality."}),
    ({"partner": "uwv"}, "partner",
     {"nl": "Alleen partners horen bij een partnerorganisatie.",
      "en": "Only partners belong to a partner organisation."}),
    ({"department": ""}, "department",
     {"nl": "Een medewerker of kernteamlid hoort bij een afdeling.",
      "en": "A staff member or core team member belongs to a department."}),
    ({"department": "nergens"}, "department",
     {"nl": "Onbekende afdeling „nergens”.", "en": "Unknown department “nergens”."}),
    ({"role": "partner", "department": "", "partner": "niemand"}, "partner",
     {"nl": "Onbekende partnerorganisatie „niemand”.",
      "en": "Unknown partner organisation “niemand”."}),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("changes, field, message", NEW_USER_RULES)
def test_a_new_user_is_refused_alike_by_page_and_api(client, admin, make_user, changes, field,
                                                      message, language):
    make_user(email="bestaat@gemeente.example")
    _, token, api = admin
    sent = {**NEW_USER, **changes}
    page = client.submit("/beheer/gebruikers/nieuw", sent, headers=speaking(language))
    assert page.status_code == 422 and message[language] in text(page)
    answer = api.post("/api/v1/users", json=sent, headers={**token, **speaking(language)})
    assert answer.status_code == 422
    assert answer.get_json()["fields"] == {field: message[language]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_changed_user_is_refused_alike_by_page_and_api(app, client, admin, make_user,
                                                        language):
    other = make_user()
    _, token, api = admin
    message = {"nl": "Een medewerker of kernteamlid hoort bij een afdeling.",
               "en": "A staff member or core team member belongs to a department."}[language]
    sent = {"role": "kernteam", "department": "", "partner": ""}
    page = client.submit(f"/beheer/gebruikers/{other.id}", sent, headers=speaking(language))
    assert page.status_code == 422 and message in text(page)
    answer = api.put(f"/api/v1/users/{other.id}", json=sent,
                     headers={**token, **speaking(language)})
    assert answer.status_code == 422 and answer.get_json()["fields"] == {"department": message}
    with app.app_context():
        assert db.session.get(User, other.id).role == "medewerker"


# -- who administers, and which user ----------------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ["medewerker", "partner", "kernteam"])
def test_only_the_beheerder_administers_through_either_door(app, client, logged_in, token_for,
                                                            make_user, role, language):
    other = make_user()
    me = logged_in(role)
    api, token = app.test_client(), token_for(me)
    for page_url, api_url in ((f"/beheer/gebruikers/{other.id}/deactiveren",
                               f"/api/v1/users/{other.id}/deactivate"),
                              (f"/beheer/gebruikers/{other.id}/wachtwoordlink",
                               f"/api/v1/users/{other.id}/password-link")):
        page = client.submit(page_url, page="/", headers=speaking(language))
        assert page.status_code == 403 and FORBIDDEN[language] in text(page)
        answer = api.post(api_url, headers={**token, **speaking(language)})
        assert answer.status_code == 403 and answer.get_json()["error"] == FORBIDDEN[language]
    with app.app_context():
        assert db.session.get(User, other.id).active


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unknown_user_is_404_through_either_door(client, admin, language):
    _, token, api = admin
    page = client.get("/beheer/gebruikers/999999", headers=speaking(language))
    assert page.status_code == 404 and NOT_FOUND[language] in text(page)
    answer = api.get("/api/v1/users/999999", headers={**token, **speaking(language)})
    assert answer.status_code == 404 and answer.get_json()["error"] == NOT_FOUND[language]


def test_services_check_who_acts_whoever_calls_them(app, make_user):
    clerk, other = make_user(), make_user()
    with app.app_context():
        with pytest.raises(Forbidden):
            deactivate_user(db.session.get(User, clerk.id), db.session.get(User, other.id))
        assert db.session.get(User, other.id).active
        deactivate_user(None, db.session.get(User, other.id))  # the operator on the server
        assert not db.session.get(User, other.id).active


def test_one_user_search_for_the_page_the_api_and_the_audit_log(app, client, admin, make_user):
    for name, email in (("Kees Smit", "k.smit@gemeente.example"),
                        ("Fatima Ouali", "fatima@gemeente.example")):
        app.test_client().login(make_user(name=name, email=email).email)  # in the audit log
    _, token, api = admin
    page = text(client.get("/beheer/gebruikers?q=SMIT@"))
    assert "Kees Smit" in page and "Fatima Ouali" not in page
    found = api.get("/api/v1/users?q=SMIT@", headers=token).get_json()["items"]
    assert [user["name"] for user in found] == ["Kees Smit"]
    audit = text(client.get("/beheer/audit?person=SMIT@"))
    assert "Kees Smit" in audit and "Fatima Ouali" not in audit


# -- your own password, and the one-time link (pages only) -----------------------------------
@pytest.mark.parametrize("language, message", [
    ("nl", "Dit is niet je huidige wachtwoord."), ("en", "This is not your current password.")])
def test_a_wrong_current_password_is_refused(client, logged_in, language, message):
    logged_in()
    new = "een nieuwe fietsroute langs het kanaal"
    page = client.submit("/account/wachtwoord", {"current": "niet het mijne", "new": new,
                                                 "repeat": new}, headers=speaking(language))
    assert page.status_code == 422 and message in text(page)


@pytest.mark.parametrize("language, message", [
    ("nl", "De twee wachtwoorden zijn niet gelijk."),
    ("en", "The two passwords are not the same.")])
def test_the_link_wants_the_same_password_twice(client, admin, language, message):
    created = client.submit("/beheer/gebruikers/nieuw", NEW_USER)
    link = link_of(created)
    client.logout()
    page = set_password(client, link, confirm="iets heel anders dan dat",
                        headers=speaking(language))
    assert page.status_code == 422 and message in text(page)


# -- erasure (the page and the command line) --------------------------------------------------
@pytest.mark.parametrize("language, message", [
    ("nl", "Je kunt jezelf niet wissen; vraag een andere beheerder."),
    ("en", "You cannot erase yourself; ask another administrator.")])
def test_nobody_erases_themselves(app, client, admin, language, message):
    me, _, _ = admin
    url = f"/beheer/gebruikers/{me.id}/wissen"
    page = client.submit(url, {"understood": "y"}, page=url, headers=speaking(language))
    assert page.status_code == 422 and message in text(page)
    with app.app_context():
        assert db.session.get(User, me.id).active


@pytest.mark.parametrize("language, message", [
    ("nl", "Deze gebruiker is al gewist."), ("en", "This user has already been erased.")])
def test_an_erased_user_is_not_erased_again(app, client, runner, admin, make_user, language,
                                            message):
    person = make_user()
    assert runner.invoke(args=["users", "erase", person.email, "--yes"]).exit_code == 0
    url = f"/beheer/gebruikers/{person.id}/wissen"
    page = client.submit(url, {"understood": "y"}, page=url, headers=speaking(language))
    assert page.status_code == 422 and message in text(page)
    again = runner.invoke(args=["users", "erase", f"gewist-{person.id}@gewist.invalid", "--yes"])
    assert again.exit_code == 1 and "Deze gebruiker is al gewist." in again.output


def test_the_command_line_gives_the_services_messages(runner, make_user):
    existing = make_user()
    result = runner.invoke(args=["users", "create", existing.email, "--name", "X", "--role",
                                 "medewerker", "--department", "werk-en-inkomen",
                                 "--password-stdin"], input=PASSWORD)
    assert result.exit_code == 1
    assert f"Er is al een account met e-mailadres {existing.email}." in result.output
