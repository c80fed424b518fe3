"""Start Django for a search bench on a fresh throw-away database (a temporary SQLite file, or a
`test_…` database on the server named by DATABASE_URL), migrated and ready."""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def start():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    if connection.vendor == "sqlite":
        # A file, not memory: the bench should read pages the way a site does.
        connection.settings_dict["TEST"]["NAME"] = str(Path(tempfile.mkdtemp(prefix="search-bench-")) / "bench.sqlite3")
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    return connection


def stop(connection):
    connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


def database_label(connection):
    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    return f"PostgreSQL {connection.pg_version // 10000}"
