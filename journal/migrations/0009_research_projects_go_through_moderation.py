"""Research projects go through the moderation workflow (审核发布) as pages do: the workflow is bound to
their content type, moderators get the publish and unlock rights, editors only lock (an editor's
change is a draft until a moderator approves it). Existing research projects stay live (the field's default).
Permissions are created here because Django only adds them after all migrations have run."""

from django.db import migrations

APP, MODEL = "journal", "researchproject"
EDITORS, MODERATORS = "编辑 Editors", "审核 Moderators"
RIGHTS = {EDITORS: ["lock"], MODERATORS: ["publish", "lock", "unlock"]}


def forward(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label=APP, model=MODEL)
    for group in Group.objects.filter(name__in=RIGHTS):
        for action in RIGHTS[group.name]:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_{MODEL}", defaults={"name": f"Can {action} {MODEL}"}
            )
            group.permissions.add(permission)
    # The site's workflow is the one on the root page (home 0002; cms/core/moderation.py).
    binding = WorkflowPage.objects.filter(page__depth=1).first()
    if binding is not None:
        WorkflowContentType.objects.update_or_create(
            content_type=content_type, defaults={"workflow_id": binding.workflow_id}
        )


def backward(apps, schema_editor):
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowContentType.objects.filter(content_type__app_label=APP, content_type__model=MODEL).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0008_research_project_drafts"),
        ("home", "0004_moderation_workflow_in_chinese"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forward, backward)]
