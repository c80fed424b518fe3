"""The first fields of expertise, and the groups' rights: editors and moderators manage experts,
volunteers and the vocabulary; only moderators see contact data. Permissions are created here
because Django only adds them after all migrations have run."""

from django.db import migrations

FIELDS = [
    ("社区教育理论", "Community education theory"),
    ("终身学习政策", "Lifelong learning policy"),
    ("老年教育", "Education for older people"),
    ("数字化学习资源", "Digital learning resources"),
    ("课程开发", "Curriculum development"),
    ("乡村振兴", "Rural revitalisation"),
    ("职业技能培训", "Vocational skills training"),
    ("家庭教育", "Family education"),
    ("社区治理", "Community governance"),
    ("教育评价", "Educational evaluation"),
    ("传统文化与非遗", "Traditional culture and intangible heritage"),
    ("志愿服务", "Volunteering"),
]
EDITING_GROUPS = ["编辑 Editors", "审核 Moderators"]
CONTACT_GROUPS = ["审核 Moderators"]
MANAGED = ["expert", "volunteer", "expertisefield"]
ACTIONS = ["add", "change", "delete", "view"]


def _permission(apps, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="network", model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def forward(apps, schema_editor):
    ExpertiseField = apps.get_model("network", "ExpertiseField")
    for order, (name, name_en) in enumerate(FIELDS):
        ExpertiseField.objects.get_or_create(name=name, defaults={"name_en": name_en, "sort_order": order})
    Group = apps.get_model("auth", "Group")
    managing = [
        _permission(apps, model, f"{action}_{model}", f"Can {action} {model}") for model in MANAGED for action in ACTIONS
    ]
    for group in Group.objects.filter(name__in=EDITING_GROUPS):
        group.permissions.add(*managing)
    contacts = _permission(
        apps, "expert", "view_contact_details", "Can see the contact data of experts and volunteers"
    )
    for group in Group.objects.filter(name__in=CONTACT_GROUPS):
        group.permissions.add(contacts)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0001_initial"),
        ("home", "0002_editor_roles_and_languages"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
