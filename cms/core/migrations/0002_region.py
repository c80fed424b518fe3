"""Regions join the shared site library. Only Django's picture of the models changes here: the
table, its rows and their ids stay where they are until courses 0005 renames the table to
core_region and points the catalog's foreign keys at this model."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Region",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=100, verbose_name="name")),
                        ("name_en", models.CharField(blank=True, max_length=100, verbose_name="name (English)")),
                        (
                            "level",
                            models.CharField(
                                choices=[("city", "City"), ("county", "District or county")],
                                max_length=10,
                                verbose_name="level",
                            ),
                        ),
                        (
                            "code",
                            models.CharField(
                                help_text="A stable key: the city's four-digit division code, then two digits for a district or county.",
                                max_length=12,
                                unique=True,
                                verbose_name="code",
                            ),
                        ),
                        ("latitude", models.FloatField(blank=True, null=True, verbose_name="latitude")),
                        ("longitude", models.FloatField(blank=True, null=True, verbose_name="longitude")),
                        (
                            "parent",
                            models.ForeignKey(
                                blank=True,
                                limit_choices_to={"level": "city"},
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="children",
                                to="core.region",
                                verbose_name="city",
                            ),
                        ),
                    ],
                    options={"verbose_name": "region", "verbose_name_plural": "regions", "ordering": ["code"]},
                ),
            ],
            database_operations=[],
        ),
    ]
