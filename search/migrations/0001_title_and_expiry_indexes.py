"""Two indexes the embedded engine reads at every search.

- SQLite: an FTS5 table of index-entry titles alone, kept in step by triggers. modelsearch's FTS
  table holds title and body together, so a title-only match there reads the whole doclist of
  every term (the body's), which for a word in most pages costs several milliseconds; here a
  term's doclist lists only titles.
- Both databases: a partial index on pages' expiry, so finding live pages past their expiry
  (public_pages) does not read the whole page table.
"""

from django.db import migrations

from search.engines.sqlite_title_index import create_title_index, drop_title_index

EXPIRY_INDEX = "search_page_expire_at"


def create_indexes(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {EXPIRY_INDEX} ON wagtailcore_page (expire_at) WHERE expire_at IS NOT NULL"
        )
    if connection.vendor == "sqlite":
        create_title_index(connection, apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)


def drop_indexes(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {EXPIRY_INDEX}")
    if connection.vendor == "sqlite":
        drop_title_index(connection)


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
