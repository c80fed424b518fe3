"""Cases name their city with the shared regions (core.Region) instead of the journal's own list.

Each old choice ("hangzhou") becomes the city with its division code ("3301"), made if an editor
had deleted it. Saved drafts and older revisions, and wagtail-localize's copies of the cases it
translates, hold the old value too: they are rewritten the same way, so publishing a draft or
updating a translation after the upgrade keeps the case's city. Backwards, the cities become the
old choices again.
"""

import json

import django.db.models.deletion
from django.db import migrations, models

# The old choice -> (division code, Chinese name, English name) of the city.
CITIES = {
    "hangzhou": ("3301", "杭州市", "Hangzhou"),
    "ningbo": ("3302", "宁波市", "Ningbo"),
    "wenzhou": ("3303", "温州市", "Wenzhou"),
    "jiaxing": ("3304", "嘉兴市", "Jiaxing"),
    "huzhou": ("3305", "湖州市", "Huzhou"),
    "shaoxing": ("3306", "绍兴市", "Shaoxing"),
    "jinhua": ("3307", "金华市", "Jinhua"),
    "quzhou": ("3308", "衢州市", "Quzhou"),
    "zhoushan": ("3309", "舟山市", "Zhoushan"),
    "taizhou": ("3310", "台州市", "Taizhou"),
    "lishui": ("3311", "丽水市", "Lishui"),
}


def city_ids(apps):
    """The old choice -> the id of its city row."""
    Region = apps.get_model("core", "Region")
    ids = {}
    for choice, (code, name, name_en) in CITIES.items():
        city, _ = Region.objects.get_or_create(code=code, defaults={"name": name, "name_en": name_en, "level": "city"})
        ids[choice] = city.pk
    return ids


def stored_copies(apps):
    """Every serialised copy of a case: (row, name of its JSON field, whether the field is text)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    case_type = ContentType.objects.filter(app_label="journal", model="casepage").first()
    if case_type is None:
        return
    for revision in apps.get_model("wagtailcore", "Revision").objects.filter(content_type=case_type):
        yield revision, "content", False
    for source in apps.get_model("wagtail_localize", "TranslationSource").objects.filter(
        specific_content_type=case_type
    ):
        yield source, "content_json", True


def rewrite_copies(apps, old_key, new_key, convert):
    for row, field, is_text in stored_copies(apps):
        content = json.loads(getattr(row, field)) if is_text else getattr(row, field)
        if not isinstance(content, dict) or old_key not in content:
            continue
        content[new_key] = convert(content.pop(old_key))
        setattr(row, field, json.dumps(content) if is_text else content)
        row.save(update_fields=[field])


def forwards(apps, schema_editor):
    ids = city_ids(apps)
    CasePage = apps.get_model("journal", "CasePage")
    for choice, city_id in ids.items():
        CasePage.objects.filter(region=choice).update(city_id=city_id)
    rewrite_copies(apps, "region", "city", ids.get)


def backwards(apps, schema_editor):
    choices = {city_id: choice for choice, city_id in city_ids(apps).items()}
    CasePage = apps.get_model("journal", "CasePage")
    for city_id, choice in choices.items():
        CasePage.objects.filter(city_id=city_id).update(region=choice)
    rewrite_copies(apps, "city", "region", lambda city_id: choices.get(city_id, ""))


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0001_initial"),
        ("core", "0002_region"),
        # The regions' table gets its shared name (core_region) there; its rows were loaded by courses 0002.
        ("courses", "0005_regions_move_to_core"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.AddField(
            model_name="casepage",
            name="city",
            field=models.ForeignKey(
                null=True,
                limit_choices_to={"level": "city"},
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="core.region",
                verbose_name="city",
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.AlterField(
            model_name="casepage",
            name="city",
            field=models.ForeignKey(
                limit_choices_to={"level": "city"},
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="core.region",
                verbose_name="city",
            ),
        ),
        migrations.RemoveField(model_name="casepage", name="region"),
    ]
