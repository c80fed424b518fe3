"""The embedded database under concurrent writers: they queue, none fails with "database is locked".

Sign-ups read the places left and then write; under SQLite's default (deferred) transactions a
writer that has read cannot wait for the lock, so simultaneous sign-ups failed. The settings
make every transaction take the write lock when it begins, in WAL mode with a busy timeout.
"""

import threading

import pytest
from django.db import connections, transaction

if connections["default"].vendor != "sqlite":
    pytest.skip("SQLite settings only", allow_module_level=True)


@pytest.fixture
def file_database(tmp_path, django_db_blocker):
    """A second alias on a database file with the project's SQLite settings (the test database
    lives in memory), outside the test-case machinery, which allows no second alias."""
    alias = "concurrency"
    connections.settings[alias] = {**connections["default"].settings_dict, "NAME": str(tmp_path / "db.sqlite3")}
    with django_db_blocker.unblock():
        with connections[alias].cursor() as cursor:
            cursor.execute("CREATE TABLE place (taken integer)")
        yield alias
        connections[alias].close()
    del connections[alias]
    del connections.settings[alias]


def test_the_database_file_is_in_wal_mode(file_database):
    with connections[file_database].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"


def test_a_writer_that_read_first_waits_for_another_writer_instead_of_failing(file_database):
    """B reads, A writes and commits meanwhile, B then writes: with deferred transactions B's
    snapshot is stale and SQLite refuses B at once; with immediate ones A waits for B."""
    b_has_read, a_is_done = threading.Event(), threading.Event()
    errors = []

    def writer_a():
        try:
            b_has_read.wait(5)
            with transaction.atomic(using=file_database), connections[file_database].cursor() as cursor:
                cursor.execute("INSERT INTO place VALUES (1)")
        except Exception as error:  # the failure under test, reported below
            errors.append(("A", error))
        finally:
            a_is_done.set()
            connections[file_database].close()

    def writer_b():
        try:
            with transaction.atomic(using=file_database), connections[file_database].cursor() as cursor:
                cursor.execute("SELECT count(*) FROM place")
                b_has_read.set()
                a_is_done.wait(1)  # A commits now when nothing holds it back
                cursor.execute("INSERT INTO place VALUES (2)")
        except Exception as error:
            errors.append(("B", error))
        finally:
            b_has_read.set()
            connections[file_database].close()

    threads = [threading.Thread(target=writer_a), threading.Thread(target=writer_b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert errors == []
    with connections[file_database].cursor() as cursor:
        cursor.execute("SELECT taken FROM place ORDER BY taken")
        assert [row[0] for row in cursor.fetchall()] == [1, 2]
