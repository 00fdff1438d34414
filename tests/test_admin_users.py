"""User administration under /beheer (beheerder), and the one-time link to set a password."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from rugzak.admin.models import PasswordLink
from rugzak.auth.models import User
from rugzak.extensions import db
from rugzak.timeutil import utcnow

from .test_audit import events

NEW_USER = {"name": "Nieuwe Collega", "email": "Nieuw@Gemeente.example", "role": "medewerker",
            "department": "jeugd-en-onderwijs", "partner": ""}
NEW_PASSWORD = "een nieuw en lang wachtwoord"


def create(client, **changes):
    return client.submit("/beheer/gebruikers/nieuw", {**NEW_USER, **changes})


def link_of(response) -> str:
    """The one-time link shown, without the configured base: /wachtwoord-instellen#<token>."""
    match = re.search(r'id="eenmalige-link"[^>]*value="http://localhost(/wachtwoord-instellen#'
                      r'[\w-]{40,})"', response.get_data(as_text=True))
    assert match, response.get_data(as_text=True)
    return match.group(1)


def set_password(client, link: str, password: str = NEW_PASSWORD, confirm: str | None = None,
                 **kwargs):
    """What the page does with a link: the token from its fragment goes into the form."""
    page, _, token = link.partition("#")
    return client.submit(page, {"token": token, "password": password,
                                "confirm": password if confirm is None else confirm}, **kwargs)


@pytest.mark.parametrize("role", ["medewerker", "partner", "kernteam"])
def test_only_the_beheerder_administers_users(client, make_user, logged_in, role):
    other = make_user()
    logged_in(role)
    assert client.get("/beheer/gebruikers").status_code == 403
    assert client.get("/beheer/gebruikers/nieuw").status_code == 403
    assert create(client).status_code == 403
    assert client.get(f"/beheer/gebruikers/{other.id}").status_code == 403
    for action in ("deactiveren", "heractiveren", "wachtwoordlink"):
        assert client.submit(f"/beheer/gebruikers/{other.id}/{action}",
                             page="/").status_code == 403
    assert "/beheer/gebruikers" not in client.get("/").get_data(as_text=True)


def test_list_and_search_users(client, make_user, logged_in):
    make_user(name="Fatima Ouali", email="fatima@gemeente.example")
    make_user(name="Kees Smit")
    logged_in("beheerder")
    page = client.get("/beheer/gebruikers").get_data(as_text=True)
    assert "Fatima Ouali" in page and "Kees Smit" in page
    found = client.get("/beheer/gebruikers?q=FATIMA").get_data(as_text=True)
    assert "Fatima Ouali" in found and "Kees Smit" not in found
    assert "Fatima Ouali" in client.get("/beheer/gebruikers?q=fatima@").get_data(as_text=True)


def test_created_user_sets_a_password_once_and_signs_in(app, client, logged_in):
    admin = logged_in("beheerder")
    response = create(client)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    link = link_of(response)
    client.logout()

    page = client.get(link)
    assert page.status_code == 200 and "Code uit je link" in page.get_data(as_text=True)
    assert page.headers["Referrer-Policy"] == "no-referrer"
    short = set_password(client, link, "kort")
    assert short.status_code == 422 and "minstens 12 tekens" in short.get_data(as_text=True)
    assert "Welkom, Nieuwe Collega" in short.get_data(as_text=True)
    assert short.headers["Referrer-Policy"] == "no-referrer"
    different = set_password(client, link, confirm="iets heel anders dan dat")
    assert different.status_code == 422
    assert "niet gelijk" in different.get_data(as_text=True)
    done = set_password(client, link)
    assert done.status_code == 302 and done.headers["Location"] == "/inloggen"
    assert set_password(client, link, "nog een ander wachtwoord").status_code == 410  # once
    client.login("nieuw@gemeente.example", NEW_PASSWORD)
    assert "Nieuwe Collega" in client.get("/").get_data(as_text=True)

    with app.app_context():
        user = db.session.scalar(select(User).filter_by(email="nieuw@gemeente.example"))
        assert user.department.slug == "jeugd-en-onderwijs" and user.role == "medewerker"
        stored = db.session.scalar(select(PasswordLink.digest))
        assert stored != link.partition("#")[2] and len(stored) == 64
        user_id = user.id
    recorded = [(e[0], e[2], e[4]) for e in events(app)]
    assert ("user_created", admin.id, user_id) in recorded
    assert ("password_link_created", admin.id, user_id) in recorded
    assert ("password_changed", user_id, user_id) in recorded
    assert link.partition("#")[2] not in repr(events(app))


def test_link_expires_after_48_hours(app, client, logged_in):
    logged_in("beheerder")
    link = link_of(create(client))
    client.logout()
    with app.app_context():
        db.session.execute(update(PasswordLink).values(
            expires_at=utcnow() - timedelta(seconds=1)))
        db.session.commit()
    response = set_password(client, link)
    assert response.status_code == 410
    assert "Deze link werkt niet (meer)" in response.get_data(as_text=True)


def test_link_lasts_48_hours(app, client, logged_in):
    logged_in("beheerder")
    create(client)
    with app.app_context():
        link = db.session.scalar(select(PasswordLink))
        assert timedelta(hours=47, minutes=59) < link.expires_at - link.created_at \
            <= timedelta(hours=48)


def test_a_new_link_ends_the_old_one(client, make_user, logged_in):
    user = make_user()
    logged_in("beheerder")
    first = link_of(client.submit(f"/beheer/gebruikers/{user.id}/wachtwoordlink",
                                  page=f"/beheer/gebruikers/{user.id}"))
    second = link_of(client.submit(f"/beheer/gebruikers/{user.id}/wachtwoordlink",
                                   page=f"/beheer/gebruikers/{user.id}"))
    client.logout()
    assert set_password(client, first).status_code == 410
    assert set_password(client, "/wachtwoord-instellen#verzonnen").status_code == 410
    assert set_password(client, second).status_code == 302


@pytest.mark.parametrize("changes, field_message", [
    ({"email": "geen-adres"}, "is geen geldig e-mailadres"),
    ({"name": " "}, "Vul een naam in."),
    ({"role": "partner", "partner": ""}, "Een partner hoort bij een partnerorganisatie."),
    ({"role": "medewerker", "department": ""}, "hoort bij een afdeling"),
    ({"role": "medewerker", "partner": "uwv"}, "Alleen partners horen bij"),
    ({"role": "baas"}, "Onbekende rol"),
])
def test_bad_new_user_is_explained_and_kept(client, logged_in, changes, field_message):
    logged_in("beheerder")
    response = create(client, **changes)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert field_message in page and 'aria-invalid="true"' in page
    if "name" not in changes:
        assert 'value="Nieuwe Collega"' in page


def test_existing_email_is_refused(client, make_user, logged_in):
    existing = make_user()
    logged_in("beheerder")
    response = create(client, email=existing.email.upper())
    assert response.status_code == 422 and "Er is al een account" in response.get_data(
        as_text=True)


def test_change_role_department_and_partner(app, client, make_user, logged_in):
    user = make_user()
    logged_in("beheerder")
    url = f"/beheer/gebruikers/{user.id}"
    response = client.submit(url, {"role": "partner", "department": "", "partner": "uwv"})
    assert response.status_code == 302
    with app.app_context():
        changed = db.session.get(User, user.id)
        assert changed.role == "partner" and changed.partner.slug == "uwv"
        assert changed.department is None
    bad = client.submit(url, {"role": "kernteam", "department": "", "partner": ""})
    assert bad.status_code == 422 and "hoort bij een afdeling" in bad.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, user.id).role == "partner"
    assert ("user_changed", "rol medewerker, werk-en-inkomen → rol partner, uwv") in [
        (e[0], e[5]) for e in events(app)]


def test_beheerder_cannot_change_own_role_or_deactivate_self(client, logged_in):
    me = logged_in("beheerder")
    url = f"/beheer/gebruikers/{me.id}"
    response = client.submit(url, {"role": "medewerker", "department": "werk-en-inkomen",
                                   "partner": ""})
    assert response.status_code == 422
    client.submit(f"{url}/deactiveren", page=url)
    assert client.get("/").status_code == 200


def test_deactivation_ends_open_sessions_and_reactivation_allows_sign_in(app, client, make_user,
                                                                         logged_in):
    user = make_user()
    user_client = app.test_client()
    user_client.login(user.email)
    assert user_client.get("/").status_code == 200
    logged_in("beheerder")
    url = f"/beheer/gebruikers/{user.id}"
    client.submit(f"{url}/deactiveren", page=url)
    assert user_client.get("/").status_code == 302  # signed out everywhere at once
    assert user_client.submit("/inloggen", {"email": user.email,
                                            "password": "een lang genoeg wachtwoord"}
                              ).status_code == 401
    assert "gedeactiveerd" in client.get(url).get_data(as_text=True)
    assert client.submit(f"{url}/wachtwoordlink", page=url).status_code == 302
    client.submit(f"{url}/heractiveren", page=url)
    user_client.login(user.email)
    assert user_client.get("/").status_code == 200
    actions = [e[0] for e in events(app)]
    assert "user_deactivated" in actions and "user_reactivated" in actions


def test_link_of_a_deactivated_user_does_not_work(client, make_user, logged_in):
    user = make_user()
    logged_in("beheerder")
    url = f"/beheer/gebruikers/{user.id}"
    link = link_of(client.submit(f"{url}/wachtwoordlink", page=url))
    client.submit(f"{url}/deactiveren", page=url)
    assert set_password(client, link).status_code == 410


def test_the_link_is_built_from_the_base_url_not_the_host_header(app, client, make_user,
                                                                 logged_in, token_for):
    app.config["BASE_URL"] = "https://rugzak.gemeente.example"
    user = make_user()
    forged = {"Host": "aanvaller.example"}
    admin = logged_in("beheerder")
    url = f"/beheer/gebruikers/{user.id}"
    token = client.csrf_token(url)
    client.set_cookie("session", client.get_cookie("session").value, domain="aanvaller.example")
    page = client.post(f"{url}/wachtwoordlink", data={"csrf_token": token}, headers=forged)
    assert "aanvaller" not in page.get_data(as_text=True)
    assert re.search(r'value="https://rugzak\.gemeente\.example/wachtwoord-instellen#[\w-]{40,}"',
                     page.get_data(as_text=True))
    answer = app.test_client().post(f"/api/v1/users/{user.id}/password-link",
                                    headers={**token_for(admin), **forged})
    assert answer.get_json()["password_link"].startswith(
        "https://rugzak.gemeente.example/wachtwoord-instellen#")
