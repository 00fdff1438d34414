"""The `rugzak` command group."""
from sqlalchemy import func, select

from rugzak.auth.models import ApiToken, User
from rugzak.demo.data import demo_data
from rugzak.demo.loader import demo_accounts
from rugzak.experiences.models import Experience
from rugzak.extensions import db
from rugzak.taxonomy.models import Condition, Department, Goal

from .conftest import PASSWORD

EXPERIENCES = demo_data("content")["experiences"]
DEMO_ACCOUNTS = demo_accounts()


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def test_init_is_safe_to_run_twice(app, runner):
    for _ in range(2):
        result = runner.invoke(args=["init"])
        assert result.exit_code == 0, result.output
        assert "Database is bijgewerkt" in result.output
    assert (count(app, Department), count(app, Condition), count(app, Goal)) == (3, 5, 5)


def test_users_create_with_password_from_stdin(app, runner, client):
    result = runner.invoke(args=["users", "create", "Nieuw@Gemeente.example", "--name",
                                 "Nieuwe Collega", "--role", "kernteam", "--department",
                                 "jeugd-en-onderwijs", "--password-stdin"],
                           input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert "nieuw@gemeente.example (kernteam) is aangemaakt" in result.output
    client.login("nieuw@gemeente.example")


def test_users_create_with_password_prompt(runner):
    result = runner.invoke(args=["users", "create", "prompt@gemeente.example", "--name", "P",
                                 "--role", "medewerker", "--department", "werk-en-inkomen"],
                           input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output


def test_users_create_partner(runner):
    result = runner.invoke(args=["users", "create", "p@partner.example", "--name", "P",
                                 "--role", "partner", "--partner", "uwv", "--password-stdin"],
                           input=PASSWORD)
    assert result.exit_code == 0, result.output


def test_users_create_refuses_bad_input_in_dutch(runner, make_user):
    existing = make_user()
    cases = [
        (["geen-adres", "--role", "medewerker", "--department", "werk-en-inkomen"],
         "geen geldig e-mailadres"),
        ([existing.email, "--role", "medewerker", "--department", "werk-en-inkomen"],
         "Er is al een account"),
        (["a@gemeente.example", "--role", "medewerker"], "hoort bij een afdeling"),
        (["a@gemeente.example", "--role", "medewerker", "--department", "nergens"],
         "Onbekende afdeling"),
        (["a@gemeente.example", "--role", "partner", "--department", "werk-en-inkomen"],
         "partnerorganisatie"),
        (["a@gemeente.example", "--role", "partner", "--partner", "onbekend"],
         "Onbekende partnerorganisatie"),
    ]
    for args, message in cases:
        result = runner.invoke(args=["users", "create", *args, "--name", "X",
                                     "--password-stdin"], input=PASSWORD)
        assert result.exit_code == 1, args
        assert message in result.output, (args, result.output)
    short = runner.invoke(args=["users", "create", "b@gemeente.example", "--name", "B",
                                "--role", "beheerder", "--password-stdin"], input="kort")
    assert short.exit_code == 1 and "minstens 12 tekens" in short.output
    bad_role = runner.invoke(args=["users", "create", "c@gemeente.example", "--name", "C",
                                   "--role", "baas", "--password-stdin"], input=PASSWORD)
    assert bad_role.exit_code == 2


def test_users_list_and_deactivate(app, runner, client, make_user):
    user = make_user(name="Kees Klaassen")
    listing = runner.invoke(args=["users", "list"])
    assert user.email in listing.output and "Kees Klaassen" in listing.output
    assert "actief" in listing.output
    result = runner.invoke(args=["users", "deactivate", user.email])
    assert result.exit_code == 0 and "gedeactiveerd" in result.output
    assert "gedeactiveerd" in runner.invoke(args=["users", "list"]).output
    response = client.submit("/inloggen", {"email": user.email, "password": PASSWORD})
    assert response.status_code == 401
    unknown = runner.invoke(args=["users", "deactivate", "niemand@gemeente.example"])
    assert unknown.exit_code == 1 and "Er is geen gebruiker" in unknown.output


def test_tokens_create_prints_a_working_token(app, runner, client, make_user):
    user = make_user()
    result = runner.invoke(args=["tokens", "create", user.email])
    assert result.exit_code == 0
    token = result.output.strip()
    assert token.startswith("rzk_") and count(app, ApiToken) == 1
    response = client.get("/api/v1/taxonomy", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    with app.app_context():  # only a digest is stored
        assert db.session.scalar(select(ApiToken.digest)) != token
    unknown = runner.invoke(args=["tokens", "create", "niemand@gemeente.example"])
    assert unknown.exit_code == 1


def test_demo_loads_accounts_and_experiences_once(app, runner, client):
    assert count(app, User) == 0
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    assert "DEMO-ACCOUNTS" in result.output and "maar één keer getoond" in result.output
    assert count(app, User) == len(DEMO_ACCOUNTS)
    assert count(app, Experience) == len(EXPERIENCES)
    for account in DEMO_ACCOUNTS:
        line = next(line for line in result.output.splitlines() if account.email in line)
        password = line.split()[2]
        client.login(account.email, password)
        assert client.get("/ervaringen").status_code == 200
        client.logout()
    again = runner.invoke(args=["demo"])
    assert again.exit_code == 1 and "niet leeg" in again.output
    quiet = runner.invoke(args=["demo", "--if-empty"])
    assert quiet.exit_code == 0 and count(app, User) == len(DEMO_ACCOUNTS)
