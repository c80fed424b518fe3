from django.db import migrations, models


def copy_issue_dates(apps, schema_editor):
    """Give existing articles their issue's date, as ArticlePage.save() does from now on."""
    IssuePage = apps.get_model("journal", "IssuePage")
    ArticlePage = apps.get_model("journal", "ArticlePage")
    for issue in IssuePage.objects.exclude(published_date=None).only("path", "depth", "published_date"):
        ArticlePage.objects.filter(path__startswith=issue.path, depth=issue.depth + 1).update(
            issue_published_date=issue.published_date
        )


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0002_case_city_from_shared_regions"),
    ]

    operations = [
        migrations.AddField(
            model_name="articlepage",
            name="issue_published_date",
            field=models.DateField(editable=False, null=True),
        ),
        migrations.RunPython(copy_issue_dates, migrations.RunPython.noop),
    ]
