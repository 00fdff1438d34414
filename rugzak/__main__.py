"""The `rugzak` command (also `python -m rugzak`): Flask's command line bound to the app."""
from flask.cli import FlaskGroup

from . import create_app


def main() -> None:
    FlaskGroup(name="rugzak", create_app=create_app, add_version_option=False,
               help="Beheer van Rugzak (gebruik RUGZAK_INSTANCE_PATH voor de instance-map).")()


if __name__ == "__main__":
    main()
