"""The migrations build exactly the tables, columns, types, indexes and keys the models
declare (on SQLite, and on PostgreSQL when the suite runs there)."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from rugzak.extensions import db


def test_the_migrations_make_exactly_what_the_models_declare(app):
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, db.metadata) == []
