"""RUGZAK_* environment variables are read as the type of their setting's default."""
import sys

import pytest

from rugzak import create_app
from rugzak.__main__ import main
from rugzak.config import Defaults
from rugzak.environment import (
    PARSERS,
    ConfigError,
    setting_types,
    settings_from_environment,
)


def read(**variables) -> dict:
    return settings_from_environment({f"RUGZAK_{k}": v for k, v in variables.items()}, Defaults)


def test_numbers_text_and_json_are_read_as_their_defaults_types():
    settings = read(PER_PAGE="50", SEARCH_LOCK_TIMEOUT="2", SESSION_COOKIE_SAMESITE="Strict",
                    ACCESSIBILITY_CONTACT="toegankelijkheid@gemeente.example",
                    WTF_CSRF_TIME_LIMIT="3600",
                    SQLALCHEMY_ENGINE_OPTIONS='{"pool_size": 5, "pool_pre_ping": true}')
    assert settings == {"PER_PAGE": 50, "SEARCH_LOCK_TIMEOUT": 2.0,
                        "SESSION_COOKIE_SAMESITE": "Strict",
                        "ACCESSIBILITY_CONTACT": "toegankelijkheid@gemeente.example",
                        "WTF_CSRF_TIME_LIMIT": 3600,
                        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_size": 5, "pool_pre_ping": True}}
    assert type(settings["SEARCH_LOCK_TIMEOUT"]) is float


def test_an_all_digit_secret_key_stays_text():
    assert read(SECRET_KEY="123456") == {"SECRET_KEY": "123456"}


@pytest.mark.parametrize("raw, value", [
    ("true", True), ("True", True), ("1", True), ("ja", True), ("JA", True), ("yes", True),
    ("false", False), ("FALSE", False), ("0", False), ("nee", False), ("Nee", False),
    ("no", False),
])
def test_yes_or_no_in_english_dutch_or_digits(raw, value):
    assert read(SESSION_COOKIE_SECURE=raw) == {"SESSION_COOKIE_SECURE": value}


def test_a_list_default_reads_a_json_array():
    class WithList(Defaults):
        TRUSTED_HOSTS = ["rugzak.gemeente.example"]

    assert settings_from_environment({"RUGZAK_TRUSTED_HOSTS": '["a.example", "b.example"]'},
                                     WithList) == {"TRUSTED_HOSTS": ["a.example", "b.example"]}
    with pytest.raises(ConfigError, match="RUGZAK_TRUSTED_HOSTS moet een JSON-lijst"):
        settings_from_environment({"RUGZAK_TRUSTED_HOSTS": "a.example"}, WithList)


def test_the_database_url_sets_the_sqlalchemy_uri_under_its_one_name():
    url = "postgresql+psycopg://rugzak:geheim@db/rugzak"
    assert read(DATABASE_URL=url) == {"SQLALCHEMY_DATABASE_URI": url}
    with pytest.raises(ConfigError, match="RUGZAK_DATABASE_URL"):
        read(SQLALCHEMY_DATABASE_URI=url)


@pytest.mark.parametrize("name, expected", [
    ("PER_PAGE", "een geheel getal"), ("SECRET_KEY", "tekst"),
    ("SESSION_COOKIE_SECURE", "ja of nee"), ("SQLALCHEMY_ENGINE_OPTIONS", "een JSON-object"),
    ("WTF_CSRF_TIME_LIMIT", "een geheel getal"),
])
def test_null_is_refused_naming_the_variable_and_its_type(name, expected):
    with pytest.raises(ConfigError, match=f"RUGZAK_{name} moet {expected}.*null"):
        read(**{name: "null"})


@pytest.mark.parametrize("name, raw, expected", [
    ("PER_PAGE", "twintig", "een geheel getal"), ("PER_PAGE", "2.5", "een geheel getal"),
    ("SEARCH_WAIT_SECONDS", "twee", "een getal"),
    ("SESSION_COOKIE_SECURE", "misschien", "ja of nee"),
    ("SQLALCHEMY_ENGINE_OPTIONS", "[1, 2]", "een JSON-object"),
    ("SQLALCHEMY_ENGINE_OPTIONS", "{pool_size: 5}", "een JSON-object"),
])
def test_a_value_of_the_wrong_type_is_refused_naming_the_variable(name, raw, expected):
    with pytest.raises(ConfigError, match=f"^RUGZAK_{name} moet {expected}"):
        read(**{name: raw})


def test_an_unknown_variable_is_refused_with_the_known_names():
    with pytest.raises(ConfigError) as refused:
        read(PER_PAGES="50")
    message = str(refused.value)
    assert message.startswith("RUGZAK_PER_PAGES is geen instelling van Rugzak.")
    assert "RUGZAK_PER_PAGE," in message and "RUGZAK_DATABASE_URL" in message
    assert "RUGZAK_INSTANCE_PATH" in message


def test_variables_read_elsewhere_and_other_programs_variables_are_left_alone():
    environ = {"RUGZAK_INSTANCE_PATH": "/srv/rugzak", "RUGZAK_TEST_POSTGRES": "1",
               "BENCH_SIZES": "200", "PATH": "/usr/bin"}
    assert settings_from_environment(environ, Defaults) == {}


def test_every_default_has_a_type_a_variable_can_be_read_as():
    assert set(setting_types(Defaults).values()) <= set(PARSERS)


def test_the_app_takes_typed_settings_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("RUGZAK_SECRET_KEY", "123456")
    monkeypatch.setenv("RUGZAK_PER_PAGE", "7")
    app = create_app({"INSTANCE_PATH": str(tmp_path)})
    assert (app.config["SECRET_KEY"], app.config["PER_PAGE"]) == ("123456", 7)


def test_the_app_and_the_command_refuse_to_start_on_a_wrong_value(tmp_path, monkeypatch):
    monkeypatch.setenv("RUGZAK_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("RUGZAK_SESSION_IDLE_MINUTES", "60m")
    with pytest.raises(ConfigError, match="RUGZAK_SESSION_IDLE_MINUTES"):
        create_app()
    monkeypatch.setattr(sys, "argv", ["rugzak", "users", "list"])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == "RUGZAK_SESSION_IDLE_MINUTES moet een geheel getal zijn."


def test_an_earliest_date_that_is_no_date_stops_the_start(tmp_path):
    with pytest.raises(ConfigError, match="EARLIEST_DATE"):
        create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "x",
                    "EARLIEST_DATE": "1-1-2000"})


@pytest.mark.parametrize("raw, stored", [
    ("https://rugzak.gemeente.example/", "https://rugzak.gemeente.example"),
    ("http://localhost:8000", "http://localhost:8000")])
def test_base_url_is_read_without_a_trailing_slash(monkeypatch, tmp_path, raw, stored):
    monkeypatch.setenv("RUGZAK_BASE_URL", raw)
    app = create_app({"INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "test"})
    assert app.config["BASE_URL"] == stored


@pytest.mark.parametrize("raw", ["rugzak.gemeente.example", "https://gemeente.example/rugzak",
                                 "ftp://gemeente.example"])
def test_base_url_must_be_an_origin(monkeypatch, tmp_path, raw):
    monkeypatch.setenv("RUGZAK_BASE_URL", raw)
    with pytest.raises(ConfigError, match="BASE_URL"):
        create_app({"INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "test"})
