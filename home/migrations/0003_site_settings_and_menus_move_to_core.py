"""Site settings and navigation menus move to the shared site library (cms/core, app label core).

core 0001 has made the new tables; this copies the rows with their ids, then drops the old
tables (backwards, it copies them back and empties core's). The content types are relabelled
rather than replaced, so what points at them keeps working: the groups' permissions on settings
and menus, wagtail-localize's translations of the menus, the reference index and the admin's
history.
"""

from django.core.management.color import no_style
from django.db import migrations

# In foreign-key order: a menu before its items.
MODELS = ["sitesettings", "navigationmenu", "navigationmenuitem"]


def empty(apps, schema_editor, app_label):
    for name in reversed(MODELS):
        table = apps.get_model(app_label, name)._meta.db_table
        schema_editor.execute(f"DELETE FROM {schema_editor.quote_name(table)}")


def copy_rows(apps, schema_editor, source, target):
    """Replace ``target``'s rows with ``source``'s, ids included, and relabel the content types."""
    quote = schema_editor.quote_name
    target_models = [apps.get_model(target, name) for name in MODELS]
    # Only a request served between the two migrations could have written here (Wagtail makes a
    # default settings row on first read); the rows being moved are the real ones.
    empty(apps, schema_editor, target)
    for name, model in zip(MODELS, target_models):
        source_table = apps.get_model(source, name)._meta.db_table
        columns = ", ".join(quote(field.column) for field in model._meta.concrete_fields)
        schema_editor.execute(
            f"INSERT INTO {quote(model._meta.db_table)} ({columns}) SELECT {columns} FROM {quote(source_table)}"
        )
    # Rows came with their ids: PostgreSQL's sequences must start after them.
    for statement in schema_editor.connection.ops.sequence_reset_sql(no_style(), target_models):
        schema_editor.execute(statement)

    ContentType = apps.get_model("contenttypes", "ContentType")
    for name in MODELS:
        old = ContentType.objects.filter(app_label=source, model=name).first()
        if old is not None:
            # Only a partial migrate could have made the new one already; the old one has the history.
            ContentType.objects.filter(app_label=target, model=name).delete()
            old.app_label = target
            old.save(update_fields=["app_label"])


def forwards(apps, schema_editor):
    # The old tables are dropped next (emptying them first would leave PostgreSQL's deferred
    # foreign-key checks pending on tables it is asked to drop).
    copy_rows(apps, schema_editor, "home", "core")


def backwards(apps, schema_editor):
    copy_rows(apps, schema_editor, "core", "home")
    # So that migrating forwards again starts from empty tables, as after core 0001.
    empty(apps, schema_editor, "core")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_editor_roles_and_languages"),
        ("core", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    # The rows are copied as core 0001 shaped them, before core 0003 moves the name and address out.
    run_before = [("core", "0003_site_identity")]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(name="NavigationMenuItem"),
        migrations.DeleteModel(name="NavigationMenu"),
        migrations.DeleteModel(name="SiteSettings"),
    ]
