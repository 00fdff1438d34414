"""The JSON API under /api/v1, described at /api/v1/openapi.json; each feature's api.py adds its
blueprint (rugzak.discovery). This package holds only the shared plumbing."""
from flask import Flask
from flask_smorest import Api, Blueprint

from ..discovery import defined_in, feature_modules
from .fields import ErrorSchema


class RugzakApi(Api):
    ERROR_SCHEMA = ErrorSchema

    def _register_error_handlers(self):
        """rugzak.errors answers for HTML and JSON alike, with Dutch messages."""


def register_api(app: Flask) -> None:
    api = RugzakApi(app)
    api.spec.components.security_scheme(
        "bearer", {"type": "http", "scheme": "bearer", "description": "Persoonlijke API-token"})
    for module in feature_modules("api"):
        for blueprint in defined_in(module, Blueprint):
            api.register_blueprint(blueprint)
