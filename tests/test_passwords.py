"""The password policy: length, common passwords from zxcvbn's list, guessability."""
import pytest

from rugzak.auth.passwords import common_passwords, password_problem

COMMON = "veelgebruikte wachtwoorden"
GUESSABLE = "te makkelijk te raden"


@pytest.mark.parametrize("password", ["123qweasdzxc", "1qaz2wsx3edc", "qwerty123456",
                                      "LeaveMeAlone", "123456654321"])
def test_common_passwords_are_refused(app, password):
    with app.app_context():
        assert COMMON in password_problem(password)


@pytest.mark.parametrize("password", ["wachtwoord12", "welkom123456", "aaaaaaaaaaaa",
                                      "passwordpassword", "rugzak123456", "welkomwelkom"])
def test_easily_guessed_passwords_are_refused(app, password):
    with app.app_context():
        assert GUESSABLE in password_problem(password)


def test_own_name_and_address_count_as_guessable(app):
    with app.app_context():
        assert password_problem("janssen.pieter1") is None
        assert GUESSABLE in password_problem(
            "janssen.pieter1", context=("pieter.janssen@gemeente.example", "Pieter Janssen"))


@pytest.mark.parametrize("password", ["een lang genoeg wachtwoord", "Zomer2025!abc",
                                      "fiets naar de markt op dinsdag", "ä" * 3 + "x9!kq.Pz#wL"])
def test_good_passwords_pass_without_composition_rules(app, password):
    with app.app_context():
        assert password_problem(password) is None


def test_length_limits(app):
    with app.app_context():
        assert "minstens 12" in password_problem("kort maar")
        assert password_problem("lange zin " * 12 + "klaar!!!") is None  # 128 characters
        assert "hoogstens 128" in password_problem("x" * 129)


def test_the_list_comes_from_the_package():
    assert len(common_passwords()) >= 30_000 - 100
    assert "password" in common_passwords()
