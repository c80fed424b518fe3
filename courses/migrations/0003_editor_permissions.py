"""Editors and moderators manage the catalog's data (activities, venues, people, vocabularies) and
see the sign-ups of activities, with their CSV export; permissions are created here because
Django only adds them after all migrations have run."""

from django.db import migrations

GROUPS = ["编辑 Editors", "审核 Moderators"]
MANAGED = ["learningactivity", "venue", "instructor", "provider", "category", "audience", "learningplace"]
ACTIONS = ["add", "change", "delete", "view"]
REGISTRATION_ACTIONS = ["view", "change", "delete"]


def _permission(apps, model, action):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="courses", model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = [_permission(apps, model, action) for model in MANAGED for action in ACTIONS]
    permissions += [_permission(apps, "registration", action) for action in REGISTRATION_ACTIONS]
    permissions.append(_permission(apps, "region", "view"))
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0002_zhejiang_regions"),
        ("home", "0002_editor_roles_and_languages"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
