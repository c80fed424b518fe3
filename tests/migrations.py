"""Running the project's migrations back and forth inside a test (the migration tests)."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets):
    """Migrate to ``targets`` ([(app, migration)]); returns the executor, whose loader gives the
    models as they were there. ContentType's cache is left alone: no migration here changes a
    content type's id, and later tests restoring the database rely on the cached ids."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def migrate_to_latest():
    return migrate(latest())
