"""Editor roles, the moderation workflow and the English locale.

Wagtail's own initial data has an "Editors" and a "Moderators" group and a "Moderators
approval" workflow on the root page. We rename them to the center's bilingual names and make
the workflow the one journal and standards sections are bound to (see cms/core/moderation.py):
editors add and change pages everywhere, publish only where a section allows it; moderators
approve and publish everywhere.
"""

from django.db import migrations

EDITORS_GROUP = "编辑 Editors"
MODERATORS_GROUP = "审核 Moderators"
MODERATION_WORKFLOW = "审核发布 Moderator approval"
ADMIN_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("wagtailimages", "image", "add_image"),
    ("wagtailimages", "image", "change_image"),
    ("wagtailimages", "image", "choose_image"),
    ("wagtaildocs", "document", "add_document"),
    ("wagtaildocs", "document", "change_document"),
    ("wagtaildocs", "document", "choose_document"),
    ("wagtailmedia", "media", "add_media"),
    ("wagtailmedia", "media", "change_media"),
    ("wagtailmedia", "media", "choose_media"),
    ("wagtail_localize", "translation", "submit_translation"),
]
PAGE_PERMISSIONS = {
    EDITORS_GROUP: ["add_page", "change_page"],
    MODERATORS_GROUP: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "delete_page"],
}


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )
    return permission


def _group(apps, old_name, new_name):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=new_name).first()
    if group is None:
        group = Group.objects.filter(name=old_name).first()
        if group is None:
            group = Group.objects.create(name=new_name)
        else:
            group.name = new_name
            group.save()
    return group


def forwards(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Locale = apps.get_model("wagtailcore", "Locale")
    ContentType = apps.get_model("contenttypes", "ContentType")

    editors = _group(apps, "Editors", EDITORS_GROUP)
    moderators = _group(apps, "Moderators", MODERATORS_GROUP)
    for group in (editors, moderators):
        for app_label, model, codename in ADMIN_PERMISSIONS:
            group.permissions.add(_permission(apps, app_label, model, codename))

    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for group in (editors, moderators):
            GroupPagePermission.objects.filter(group=group, page=root).delete()
            for codename in PAGE_PERMISSIONS[group.name]:
                GroupPagePermission.objects.create(
                    group=group, page=root, permission=_permission(apps, "wagtailcore", "page", codename)
                )

    workflow = Workflow.objects.filter(name="Moderators approval").first()
    if workflow is None:
        workflow, _ = Workflow.objects.get_or_create(name=MODERATION_WORKFLOW)
    workflow.name = MODERATION_WORKFLOW
    workflow.active = True
    workflow.save()
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name="审核 Moderator approval", content_type=task_type, active=True)
        task.groups.set([moderators])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    else:
        for link in WorkflowTask.objects.filter(workflow=workflow):
            approval = GroupApprovalTask.objects.filter(pk=link.task_id).first()
            if approval is not None:
                approval.name = "审核 Moderator approval"
                approval.save()
                approval.groups.set([moderators])
    # Every page an editor cannot publish goes to the moderators; sections that need
    # moderation even for people who could publish elsewhere bind it explicitly.
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})

    Locale.objects.get_or_create(language_code="zh-hans")
    Locale.objects.get_or_create(language_code="en")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        # After every app whose initial data grants permissions to the groups by their
        # old names, so the renamed groups keep them.
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailmedia", "0005_alter_media_options"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
