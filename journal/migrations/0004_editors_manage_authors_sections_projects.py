"""Editors and moderators add and change authors, sections and research projects (from the
article's choosers too); permissions are created here because Django only adds them after all
migrations have run."""

from django.db import migrations

GROUPS = ["编辑 Editors", "审核 Moderators"]
MANAGED = ["person", "section", "researchproject"]
ACTIONS = ["add", "change", "view"]


def _permission(apps, model, action):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="journal", model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = [_permission(apps, model, action) for model in MANAGED for action in ACTIONS]
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0003_article_issue_published_date"),
        ("home", "0002_editor_roles_and_languages"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
