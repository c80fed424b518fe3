# Step 2 of 3: every existing category and audience is put in the default language (Wagtail's
# BootstrapTranslatableModel), and its English name (name_en, dropped in 0009) becomes its English
# translation, so an upgraded site loses no English names.

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel

ENGLISH = "en"  # what name_en held
MODELS = ("courses.Category", "courses.Audience")


def english_translations(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for label in MODELS:
        model = apps.get_model(label)
        with_english = model.objects.exclude(name_en="").exclude(locale__language_code=ENGLISH)
        if not with_english.exists():
            continue
        english, _created = Locale.objects.get_or_create(language_code=ENGLISH)
        for term in with_english:
            model.objects.update_or_create(
                translation_key=term.translation_key,
                locale=english,
                defaults={"name": term.name_en, "slug": term.slug, "sort_order": term.sort_order, "name_en": ""},
            )


def english_names_back(apps, schema_editor):
    """Going back: the English translations become name_en again."""
    for label in MODELS:
        model = apps.get_model(label)
        english = model.objects.filter(locale__language_code=ENGLISH)
        for translation in english:
            model.objects.filter(translation_key=translation.translation_key).exclude(pk=translation.pk).update(
                name_en=translation.name
            )
        english.delete()


class Migration(migrations.Migration):

    dependencies = [
        ('courses', '0007_vocabularies_translatable_fields'),
    ]

    operations = [
        *(BootstrapTranslatableModel(label) for label in MODELS),
        migrations.RunPython(english_translations, english_names_back),
    ]
