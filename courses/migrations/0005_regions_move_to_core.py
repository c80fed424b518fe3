"""Regions move to the shared site library (cms.core, app label core) without copying a row.

The table is renamed from courses_region to core_region, ids and rows untouched; the catalog's
foreign keys keep their columns and constraints (the database follows the rename) and only
Django's picture of them changes. The content type is relabelled rather than replaced, so the
groups' permissions on regions, the reference index and the admin's history keep pointing at it.
Backwards, all of this is undone in reverse order.
"""

import django.db.models.deletion
from django.db import migrations, models

CITY = {"level": "city"}
COUNTY = {"level": "county"}


def region_key(null, on_delete, verbose_name, limit_choices_to):
    return models.ForeignKey(
        blank=null,
        null=null,
        limit_choices_to=limit_choices_to,
        on_delete=on_delete,
        related_name="+",
        to="core.region",
        verbose_name=verbose_name,
    )


PROTECT, SET_NULL = django.db.models.deletion.PROTECT, django.db.models.deletion.SET_NULL
# (model, field, the field pointing at core.region)
KEYS = [
    ("coursepage", "city", region_key(False, PROTECT, "city", CITY)),
    ("coursepage", "county", region_key(True, PROTECT, "district or county", COUNTY)),
    ("venue", "city", region_key(False, PROTECT, "city", CITY)),
    ("venue", "county", region_key(True, PROTECT, "district or county", COUNTY)),
    ("learningplace", "city", region_key(False, PROTECT, "city", CITY)),
    ("learningplace", "county", region_key(True, PROTECT, "district or county", COUNTY)),
    ("provider", "city", region_key(True, SET_NULL, "city", CITY)),
]


def relabel_content_type(apps, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(app_label=source, model="region").first()
    if old is not None:
        # Only a partial migrate could have made the new one already; the old one has the history.
        ContentType.objects.filter(app_label=target, model="region").delete()
        old.app_label = target
        old.save(update_fields=["app_label"])


def forwards(apps, schema_editor):
    relabel_content_type(apps, "courses", "core")


def backwards(apps, schema_editor):
    relabel_content_type(apps, "core", "courses")


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0004_course_code_per_language"),
        ("core", "0002_region"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelTable(name="region", table="core_region"),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                *(migrations.AlterField(model_name=model, name=name, field=field) for model, name, field in KEYS),
                migrations.DeleteModel(name="Region"),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
