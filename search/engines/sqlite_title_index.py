"""An FTS5 index of search-index titles alone, beside modelsearch's title-and-body one.

It reads its text from the index-entry table (external content), and triggers keep it in step
with every insert, update and delete there, whichever code path writes (indexing, rebuilds,
modelsearch's own deletes). Created by migration search 0001 on SQLite.
"""

TITLE_FTS = "search_title_fts"
TRIGGERS = {
    "search_title_fts_insert": "AFTER INSERT ON {entries} BEGIN "
    f"INSERT INTO {TITLE_FTS}(rowid, title) VALUES (NEW.id, NEW.title); END",
    "search_title_fts_delete": "AFTER DELETE ON {entries} BEGIN "
    f"INSERT INTO {TITLE_FTS}({TITLE_FTS}, rowid, title) VALUES ('delete', OLD.id, OLD.title); END",
    "search_title_fts_update": "AFTER UPDATE OF title ON {entries} BEGIN "
    f"INSERT INTO {TITLE_FTS}({TITLE_FTS}, rowid, title) VALUES ('delete', OLD.id, OLD.title); "
    f"INSERT INTO {TITLE_FTS}(rowid, title) VALUES (NEW.id, NEW.title); END",
}


def table_exists(cursor, name):
    cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [name])
    return cursor.fetchone() is not None


def create_title_index(connection, entries):
    """Create the table and triggers over the index-entry table `entries` and index the titles
    already there (no-op without FTS5, where modelsearch has no FTS table either and searches by
    its fallback)."""
    with connection.cursor() as cursor:
        if not table_exists(cursor, f"{entries}_fts"):
            return
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {TITLE_FTS} USING fts5(title, content='{entries}', content_rowid='id')"
        )
        for name, body in TRIGGERS.items():
            cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body.format(entries=entries)}")
        cursor.execute(f"INSERT INTO {TITLE_FTS}({TITLE_FTS}) VALUES ('rebuild')")


def drop_title_index(connection):
    with connection.cursor() as cursor:
        for name in TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute(f"DROP TABLE IF EXISTS {TITLE_FTS}")
