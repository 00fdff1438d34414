"""The `rugzak` command (also `python -m rugzak`): Flask's command line bound to the app."""
from flask.cli import FlaskGroup

from . import create_app
from .environment import ConfigError


def main() -> None:
    try:
        FlaskGroup(name="rugzak", create_app=create_app, add_version_option=False,
                   help="Beheer van Rugzak (gebruik RUGZAK_INSTANCE_PATH voor de instance-map).")()
    except ConfigError as error:  # names the variable; a traceback would only hide that
        raise SystemExit(str(error)) from None


if __name__ == "__main__":
    main()
