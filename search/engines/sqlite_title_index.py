"""An FTS5 index of search-index titles alone, beside modelsearch's title-and-body one.

It reads its text from the index-entry table (external content), and triggers keep it in step
with every insert, update and delete there, whichever code path writes (indexing, rebuilds,
modelsearch's own deletes).
"""

from modelsearch.backends.database.sqlite.sqlite import IndexEntry

ENTRIES = IndexEntry._meta.db_table
TITLE_FTS = "search_title_fts"
TRIGGERS = {
    "search_title_fts_insert": f"AFTER INSERT ON {ENTRIES} BEGIN "
    f"INSERT INTO {TITLE_FTS}(rowid, title) VALUES (NEW.id, NEW.title); END",
    "search_title_fts_delete": f"AFTER DELETE ON {ENTRIES} BEGIN "
    f"INSERT INTO {TITLE_FTS}({TITLE_FTS}, rowid, title) VALUES ('delete', OLD.id, OLD.title); END",
    "search_title_fts_update": f"AFTER UPDATE OF title ON {ENTRIES} BEGIN "
    f"INSERT INTO {TITLE_FTS}({TITLE_FTS}, rowid, title) VALUES ('delete', OLD.id, OLD.title); "
    f"INSERT INTO {TITLE_FTS}(rowid, title) VALUES (NEW.id, NEW.title); END",
}


def fts5_table_exists(cursor, name):
    cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [name])
    return cursor.fetchone() is not None


def create_title_index(connection):
    """Create the table and triggers and index the titles already there (no-op without FTS5,
    where modelsearch has no FTS table either and searches by its fallback)."""
    with connection.cursor() as cursor:
        if not fts5_table_exists(cursor, f"{ENTRIES}_fts"):
            return
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {TITLE_FTS} USING fts5(title, content='{ENTRIES}', content_rowid='id')"
        )
        for name, body in TRIGGERS.items():
            cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
        cursor.execute(f"INSERT INTO {TITLE_FTS}({TITLE_FTS}) VALUES ('rebuild')")


def drop_title_index(connection):
    with connection.cursor() as cursor:
        for name in TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute(f"DROP TABLE IF EXISTS {TITLE_FTS}")


def title_index_exists(connection):
    with connection.cursor() as cursor:
        return fts5_table_exists(cursor, TITLE_FTS)
