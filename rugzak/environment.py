"""Settings from RUGZAK_* environment variables, each read as the type of its default."""
from __future__ import annotations

import json
import typing
from collections.abc import Callable, Mapping

PREFIX = "RUGZAK_"
ALIASES = {"DATABASE_URL": "SQLALCHEMY_DATABASE_URI"}
# Read elsewhere, not settings: by create_app, and by the test suite (tests/conftest.py).
NOT_SETTINGS = frozenset({"INSTANCE_PATH", "TEST_POSTGRES"})
BOOLEANS = {"true": True, "1": True, "ja": True, "yes": True,
            "false": False, "0": False, "nee": False, "no": False}


class ConfigError(ValueError):
    """A RUGZAK_* variable that names no setting, or whose value is not of the setting's type."""


def settings_from_environment(environ: Mapping[str, str], defaults: type) -> dict:
    """The settings the RUGZAK_* variables in `environ` set; `defaults` gives names and types."""
    accepted = variables(defaults)
    settings = {}
    for variable, raw in environ.items():
        if not variable.startswith(PREFIX) or variable.removeprefix(PREFIX) in NOT_SETTINGS:
            continue
        if variable not in accepted:
            known = sorted([*accepted, PREFIX + "INSTANCE_PATH"])
            raise ConfigError(f"{variable} is geen instelling van Rugzak. Bekende namen: "
                              f"{', '.join(known)}.")
        name, kind = accepted[variable]
        settings[name] = read_as(kind, variable, raw)
    return settings


def variables(defaults: type) -> dict[str, tuple[str, type]]:
    """Each accepted variable with the setting it sets and that setting's type."""
    kinds = setting_types(defaults)
    names = {name: name for name in kinds if name not in ALIASES.values()} | ALIASES
    return {PREFIX + name: (setting, kinds[setting]) for name, setting in names.items()}


def setting_types(defaults: type) -> dict[str, type]:
    """Each setting's type: its annotation without `| None`, else the type of its value."""
    hints = typing.get_type_hints(defaults)
    return {name: _without_none(hints.get(name, type(getattr(defaults, name))))
            for name in dir(defaults) if name.isupper()}


def _without_none(kind):
    others = [arg for arg in typing.get_args(kind) if arg is not type(None)]
    return others[0] if len(others) == 1 else kind


def read_as(kind: type, variable: str, raw: str):
    expected = EXPECTED[kind]
    if raw.strip().lower() == "null":
        raise ConfigError(f"{variable} moet {expected} zijn, niet null; laat de variabele weg "
                          f"voor de standaardwaarde.")
    try:
        return PARSERS[kind](raw)
    except ValueError:
        raise ConfigError(f"{variable} moet {expected} zijn.") from None


def _boolean(raw: str) -> bool:
    try:
        return BOOLEANS[raw.strip().lower()]
    except KeyError:
        raise ValueError(raw) from None


def _json(kind: type) -> Callable[[str], object]:
    def parse(raw: str):
        value = json.loads(raw)
        if not isinstance(value, kind):
            raise ValueError(raw)
        return value
    return parse


PARSERS: dict[type, Callable[[str], object]] = {
    bool: _boolean, int: int, float: float, str: str, dict: _json(dict), list: _json(list)}
EXPECTED = {
    bool: "ja of nee (true/false, 1/0, ja/nee, yes/no)", int: "een geheel getal",
    float: "een getal", str: "tekst", dict: "een JSON-object ({…})", list: "een JSON-lijst ([…])"}
