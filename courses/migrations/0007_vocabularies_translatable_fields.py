# Categories and audiences become translatable (wagtail-localize), step 1 of 3 (Wagtail's way of making an
# existing model translatable): the locale and translation key, nullable until 0008 fills them; the slug is
# unique per language from 0009 on, since a translation shares it.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('courses', '0006_instructor_professional_title'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.AddField(
            model_name=model,
            name='locale',
            field=models.ForeignKey(
                editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+',
                to='wagtailcore.locale', verbose_name='locale',
            ),
        )
        for model in ('category', 'audience')
    ] + [
        migrations.AddField(
            model_name=model,
            name='translation_key',
            field=models.UUIDField(editable=False, null=True),
        )
        for model in ('category', 'audience')
    ] + [
        migrations.AlterField(
            model_name=model,
            name='slug',
            field=models.SlugField(verbose_name='slug'),
        )
        for model in ('category', 'audience')
    ]
