"""The Applicants group (site users without admin access), and the review rights: editors
assign reviewers and manage reviewer accounts, moderators also decide. Permissions are created
here because Django only adds them after all migrations have run."""

from django.db import migrations

APPLICANTS_GROUP = "申报人 Applicants"
EDITORS, MODERATORS = "编辑 Editors", "审核 Moderators"
GRANTS = {
    EDITORS: ["assign_reviewers", "add_reviewer", "change_reviewer", "view_reviewer"],
    MODERATORS: ["assign_reviewers", "decide_submission", "add_reviewer", "change_reviewer", "view_reviewer"],
}
MODEL_OF = {"assign_reviewers": "submission", "decide_submission": "submission"}


def forward(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name=APPLICANTS_GROUP)
    for group in Group.objects.filter(name__in=GRANTS):
        for codename in GRANTS[group.name]:
            model = MODEL_OF.get(codename, "reviewer")
            content_type, _ = ContentType.objects.get_or_create(app_label="calls", model=model)
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("calls", "0001_initial"),
        ("home", "0002_editor_roles_and_languages"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
