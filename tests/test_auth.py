import pytest

from rugzak.admin.services import deactivate_user
from rugzak.auth.models import User
from rugzak.extensions import db

from .conftest import PASSWORD


@pytest.fixture
def deactivate(app):
    def run(user):
        with app.app_context():
            deactivate_user(None, db.session.get(User, user.id))

    return run

WRONG = "Dit e-mailadres en wachtwoord horen niet bij elkaar"


def test_login_page_is_dutch(client):
    response = client.get("/inloggen")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'lang="nl"' in page and "Inloggen bij Rugzak" in page and "Wachtwoord" in page
    assert "Wachtwoord vergeten, of nog geen account? Vraag een beheerder" in page


def test_every_page_but_login_and_health_requires_sign_in(client):
    response = client.get("/ervaringen")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/inloggen?next=/ervaringen")
    assert client.get("/healthz").status_code == 200
    assert client.get("/static/rugzak.css").status_code == 200
    assert client.get("/api/v1/experiences").status_code == 401


def test_sign_in_and_out(client, make_user):
    user = make_user(name="Fatima Ouali")
    response = client.login(user.email)
    assert response.headers["Location"] == "/"
    assert "Welkom, Fatima Ouali" in client.get("/").get_data(as_text=True)
    response = client.logout()
    assert response.status_code == 302
    assert client.get("/").status_code == 302


def test_sign_in_accepts_email_in_other_case(client, make_user):
    user = make_user()
    client.login(user.email.upper())


def test_unknown_email_and_wrong_password_get_the_same_answer(client, make_user):
    user = make_user()
    wrong_password = client.submit("/inloggen", {"email": user.email, "password": "niet goed!!"})
    unknown = client.submit("/inloggen", {"email": "niemand@gemeente.example",
                                          "password": PASSWORD})
    assert wrong_password.status_code == unknown.status_code == 401
    assert WRONG in wrong_password.get_data(as_text=True)
    assert WRONG in unknown.get_data(as_text=True)
    assert user.email in wrong_password.get_data(as_text=True)  # the form keeps what was typed


def test_deactivated_user_cannot_sign_in(client, make_user, deactivate):
    user = make_user()
    deactivate(user)
    response = client.submit("/inloggen", {"email": user.email, "password": PASSWORD})
    assert response.status_code == 401
    assert WRONG in response.get_data(as_text=True)


def test_deactivation_ends_an_open_session(client, make_user, deactivate):
    user = make_user()
    client.login(user.email)
    assert client.get("/ervaringen").status_code == 200
    deactivate(user)
    assert client.get("/ervaringen").status_code == 302


def test_next_leads_only_to_this_site(client, make_user):
    user = make_user()
    for target, expected in [("/ervaringen?kind=les", "/ervaringen?kind=les"),
                             ("https://evil.example/", "/"), ("//evil.example", "/"),
                             ("/\\evil.example", "/"), ("javascript:alert(1)", "/")]:
        response = client.submit("/inloggen", {"email": user.email, "password": PASSWORD,
                                               "next": target})
        assert response.headers["Location"] == expected, target
        client.logout()


def test_next_is_carried_through_the_login_form(client, make_user):
    make_user()
    page = client.get("/inloggen?next=/mijn-ervaringen").get_data(as_text=True)
    assert 'value="/mijn-ervaringen"' in page


def test_logout_is_post_only(client, make_user):
    client.login(make_user().email)
    assert client.get("/uitloggen").status_code == 405
    assert client.get("/ervaringen").status_code == 200


def test_forms_refuse_a_missing_or_wrong_csrf_token(client, make_user):
    user = make_user()
    missing = client.post("/inloggen", data={"email": user.email, "password": PASSWORD})
    wrong = client.post("/inloggen", data={"email": user.email, "password": PASSWORD,
                                           "csrf_token": "vals"})
    for response in (missing, wrong):
        assert response.status_code == 400
        assert "Het formulier is verlopen" in response.get_data(as_text=True)
    assert client.get("/ervaringen").status_code == 302


def test_logout_without_csrf_token_is_refused(client, make_user):
    client.login(make_user().email)
    assert client.post("/uitloggen").status_code == 400
    assert client.get("/ervaringen").status_code == 200


def test_healthz_reports_database(client):
    assert client.get("/healthz").get_json() == {"status": "ok", "database": True}


def test_unknown_page_is_a_dutch_404(client, make_user):
    client.login(make_user().email)
    response = client.get("/bestaat-niet")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.get_data(as_text=True)


def test_the_password_is_checked_exactly_as_typed(client, make_user):
    user = make_user()
    for changed in (PASSWORD + " ", " " + PASSWORD, PASSWORD.upper(), PASSWORD[:-1]):
        answer = client.submit("/inloggen", {"email": user.email, "password": changed})
        assert answer.status_code == 401
    assert client.login(user.email).headers["Location"] == "/"


def test_passwords_are_stored_as_argon2id(app, make_user):
    user = make_user()
    with app.app_context():
        assert db.session.get(User, user.id).password_hash.startswith("$argon2id$")
