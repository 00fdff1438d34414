"""The JSON API under /api/v1, described at /api/v1/openapi.json."""
from flask import Flask
from flask_smorest import Api


class RugzakApi(Api):
    def _register_error_handlers(self):
        """rugzak.errors answers for HTML and JSON alike, with Dutch messages."""


def register_api(app: Flask) -> None:
    from .admin import blp as admin_blp
    from .bundles import blp as bundles_blp
    from .curation import blp as curation_blp
    from .experiences import blp as experiences_blp
    from .search import blp as search_blp
    from .taxonomy import blp as taxonomy_blp

    api = RugzakApi(app)
    api.spec.components.security_scheme(
        "bearer", {"type": "http", "scheme": "bearer", "description": "Persoonlijke API-token"})
    for blueprint in (experiences_blp, search_blp, taxonomy_blp, curation_blp, bundles_blp,
                      admin_blp):
        api.register_blueprint(blueprint)
