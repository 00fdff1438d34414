"""The JSON API under /api/v1, described at /api/v1/openapi.json."""
from flask import Flask
from flask_smorest import Api


class RugzakApi(Api):
    def _register_error_handlers(self):
        """rugzak.errors answers for HTML and JSON alike, with Dutch messages."""


def register_api(app: Flask) -> None:
    from .agenda import blp as agenda_blp
    from .experiences import blp as experiences_blp
    from .insight import blp as insight_blp
    from .search import blp as search_blp
    from .taxonomy import blp as taxonomy_blp

    api = RugzakApi(app)
    api.spec.components.security_scheme(
        "bearer", {"type": "http", "scheme": "bearer", "description": "Persoonlijke API-token"})
    for blueprint in (experiences_blp, search_blp, taxonomy_blp, insight_blp, agenda_blp):
        api.register_blueprint(blueprint)
