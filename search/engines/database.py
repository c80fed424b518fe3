"""The embedded search engine: `WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.engines.database"}}`.

Picks the Chinese-aware SQLite FTS5 or PostgreSQL backend for the default database, like
modelsearch's own `database` backend does for its stock ones.
"""

from django.db import connection


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks up in a backend module
    if connection.vendor == "postgresql":
        from search.engines.postgres import ChinesePostgresSearchBackend

        return ChinesePostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from search.engines.sqlite import ChineseSQLiteSearchBackend

        return ChineseSQLiteSearchBackend(params)
    raise NotImplementedError(f"No Chinese-aware embedded search for the {connection.vendor} database.")
