"""The moderation workflow and its task get Chinese names: 审核发布 and 审核.

home 0002 named them "审核发布 Moderator approval" and "审核 Moderator approval", and editors read
those names in the admin (dashboards, page status, workflow history). Only rows that still carry
the old names are renamed, so a name a site has chosen itself is kept. Pages in moderation keep
their workflow: the rows are renamed, not replaced.
"""

from django.db import migrations

OLD_WORKFLOW, NEW_WORKFLOW = "审核发布 Moderator approval", "审核发布"
OLD_TASK, NEW_TASK = "审核 Moderator approval", "审核"


def forwards(apps, schema_editor):
    Workflow, Task = apps.get_model("wagtailcore", "Workflow"), apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=OLD_WORKFLOW).update(name=NEW_WORKFLOW)
    Task.objects.filter(name=OLD_TASK).update(name=NEW_TASK)


def backwards(apps, schema_editor):
    Workflow, Task = apps.get_model("wagtailcore", "Workflow"), apps.get_model("wagtailcore", "Task")
    # Only the task in the moderation workflow: another task a site named 审核 is its own.
    Task.objects.filter(name=NEW_TASK, workflow_tasks__workflow__name=NEW_WORKFLOW).update(name=OLD_TASK)
    Workflow.objects.filter(name=NEW_WORKFLOW).update(name=OLD_WORKFLOW)


class Migration(migrations.Migration):
    dependencies = [("home", "0003_site_settings_and_menus_move_to_core")]

    operations = [migrations.RunPython(forwards, backwards)]
