"""The centre's name and address become SiteIdentity, one row per language, translated like the
menus; SiteSettings keeps what reads the same in every language (phone, e-mail, record numbers).

The default site's settings give the default language's row (or, on a new site, the name the
settings used to default to) and, when English exists, the English row from the `_en` columns,
each falling back to the Chinese value as the footer did. Backwards, the rows fill the columns.
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from wagtail.coreutils import get_supported_content_language_variant

DEFAULT_NAME = "浙江省社区教育指导中心"


def locales(apps):
    Locale = apps.get_model("wagtailcore", "Locale")
    default = Locale.objects.get(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    return default, Locale.objects.filter(language_code="en").first()


def site_settings(apps):
    SiteSettings = apps.get_model("core", "SiteSettings")
    return SiteSettings.objects.filter(site__is_default_site=True).first() or SiteSettings.objects.first()


def forwards(apps, schema_editor):
    SiteIdentity = apps.get_model("core", "SiteIdentity")
    default, english = locales(apps)
    old = site_settings(apps)
    name, address = (old.center_name, old.address) if old else (DEFAULT_NAME, "")
    key = uuid.uuid4()
    SiteIdentity.objects.create(locale=default, translation_key=key, center_name=name, address=address)
    if english is not None and old is not None and (old.center_name_en or old.address_en):
        SiteIdentity.objects.create(
            locale=english,
            translation_key=key,
            center_name=old.center_name_en or name,
            address=old.address_en or address,
        )


def backwards(apps, schema_editor):
    SiteIdentity = apps.get_model("core", "SiteIdentity")
    default, english = locales(apps)
    chinese = SiteIdentity.objects.filter(locale=default).first()
    translated = SiteIdentity.objects.filter(locale=english).first() if english else None
    for row in apps.get_model("core", "SiteSettings").objects.all():
        row.center_name = chinese.center_name if chinese else DEFAULT_NAME
        row.address = chinese.address if chinese else ""
        row.center_name_en = translated.center_name if translated else ""
        row.address_en = translated.address if translated else ""
        row.save()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_region"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="SiteIdentity",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("center_name", models.CharField(max_length=200, verbose_name="center name")),
                ("address", models.CharField(blank=True, max_length=300, verbose_name="address")),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "center name and address",
                "verbose_name_plural": "center name and address",
                "abstract": False,
                "constraints": [models.UniqueConstraint(fields=("locale",), name="core_one_site_identity_per_locale")],
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="sitesettings", name="address"),
        migrations.RemoveField(model_name="sitesettings", name="address_en"),
        migrations.RemoveField(model_name="sitesettings", name="center_name"),
        migrations.RemoveField(model_name="sitesettings", name="center_name_en"),
    ]
