"""The OpenID Connect settings, checked once at start-up (rugzak.config has their defaults)."""
from __future__ import annotations

from collections.abc import Mapping

from ..auth.roles import Role
from ..environment import ConfigError


def sso_configured(config: Mapping) -> bool:
    return bool(config["OIDC_ISSUER"])


def check_sso_settings(config: Mapping) -> None:
    """Refused at start-up rather than at the first sign-in."""
    if not config["LOCAL_PASSWORDS"] and not sso_configured(config):
        raise ConfigError("LOCAL_PASSWORDS=false vraagt om OIDC_ISSUER: anders kan niemand "
                          "inloggen.")
    if not sso_configured(config):
        return
    if not config["OIDC_ISSUER"].startswith(("https://", "http://")):
        raise ConfigError(f"OIDC_ISSUER moet een adres zijn, niet {config['OIDC_ISSUER']!r}.")
    if not config["OIDC_CLIENT_ID"]:
        raise ConfigError("OIDC_ISSUER vraagt ook om OIDC_CLIENT_ID.")
    _checked_role(config["OIDC_DEFAULT_ROLE"], "OIDC_DEFAULT_ROLE")
    role_map(config)


def role_map(config: Mapping) -> dict[str, Role]:
    """OIDC_ROLE_MAP "group=role,group=role" as {group: role}."""
    mapping = {}
    for pair in filter(None, (part.strip() for part in config["OIDC_ROLE_MAP"].split(","))):
        group, sign, role = pair.rpartition("=")
        if not sign or not group.strip():
            raise ConfigError(f"OIDC_ROLE_MAP: {pair!r} is geen groep=rol.")
        mapping[group.strip()] = _checked_role(role.strip(), "OIDC_ROLE_MAP")
    return mapping


def _checked_role(value: str, setting: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise ConfigError(f"{setting}: onbekende rol {value!r}; kies uit "
                          f"{', '.join(Role)}.") from None
