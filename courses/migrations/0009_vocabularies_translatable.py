# Step 3 of 3: the locale and translation key are required, a slug is unique per language, name_en goes
# (its names are English translations since 0008); courses choose from the source language only.

import courses.models.taxonomy
import django.db.models.deletion
import modelcluster.fields
import uuid
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('courses', '0008_vocabularies_english_translations'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.AlterUniqueTogether(
            name='audience',
            unique_together={('translation_key', 'locale')},
        ),
        migrations.AlterUniqueTogether(
            name='category',
            unique_together={('translation_key', 'locale')},
        ),
        migrations.AlterField(
            model_name='audience',
            name='locale',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale'),
        ),
        migrations.AlterField(
            model_name='audience',
            name='translation_key',
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name='category',
            name='locale',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale'),
        ),
        migrations.AlterField(
            model_name='category',
            name='translation_key',
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name='coursepage',
            name='audiences',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, limit_choices_to=courses.models.taxonomy.in_source_language, to='courses.audience', verbose_name='audiences'),
        ),
        migrations.AlterField(
            model_name='coursepage',
            name='category',
            field=models.ForeignKey(limit_choices_to=courses.models.taxonomy.in_source_language, on_delete=django.db.models.deletion.PROTECT, related_name='courses', to='courses.category', verbose_name='category'),
        ),
        migrations.AddConstraint(
            model_name='audience',
            constraint=models.UniqueConstraint(fields=('slug', 'locale'), name='courses_unique_audience_slug'),
        ),
        migrations.AddConstraint(
            model_name='category',
            constraint=models.UniqueConstraint(fields=('slug', 'locale'), name='courses_unique_category_slug'),
        ),
        migrations.RemoveField(
            model_name='audience',
            name='name_en',
        ),
        migrations.RemoveField(
            model_name='category',
            name='name_en',
        ),
    ]
