# Lessons become translatable (wagtail-localize), step 1 of 3 (Wagtail's way of making an existing model
# translatable): the locale and translation key, nullable until 0011 fills them from each lesson's course.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0009_vocabularies_translatable"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="lesson",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
            ),
        ),
        migrations.AddField(
            model_name="lesson",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
    ]
