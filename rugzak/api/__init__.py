"""The JSON API under /api/v1, described at /api/v1/openapi.json."""
from importlib import import_module

from flask import Flask
from flask_smorest import Api


class RugzakApi(Api):
    def _register_error_handlers(self):
        """rugzak.errors answers for HTML and JSON alike, with Dutch messages."""


def register_api(app: Flask) -> None:
    api = RugzakApi(app)
    api.spec.components.security_scheme(
        "bearer", {"type": "http", "scheme": "bearer", "description": "Persoonlijke API-token"})
    for module in API_MODULES:
        api.register_blueprint(import_module(f"rugzak.api.{module}").blp)


# One line per feature, alphabetical, so that parallel branches rarely touch the same line.
API_MODULES = (
    "admin",
    "agenda",
    "bin",
    "bundles",
    "curation",
    "experiences",
    "insight",
    "search",
    "taxonomy",
)
