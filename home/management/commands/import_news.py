"""`python manage.py import_news FILE.csv|FILE.xlsx [--publish] [--index SLUG]` (see home/importer.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from cms.core.spreadsheets import ImportFileError
from home import importer
from home.models import NewsIndexPage


class Command(BaseCommand):
    help = "Import news and notices from CSV or .xlsx (kind,date,title,source,introduction,body[,slug,image])."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="A .csv (UTF-8 or GBK) or .xlsx file with a header row.")
        parser.add_argument("--publish", action="store_true", help="Publish the items (default: drafts).")
        parser.add_argument("--index", metavar="SLUG", help="The news page to import under (default: the first).")

    def handle(self, *args, file, publish, index, **options):
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        parent = None
        if index:
            parent = NewsIndexPage.objects.filter(slug=index, locale=Locale.get_default()).first()
            if parent is None:
                raise CommandError(f"No news page has the slug {index!r}.")
        try:
            report = importer.run_news_import(file.read_bytes(), file.name, index=parent, publish=publish)
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(report.problems)} problem(s) found; nothing was imported.")
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.created} news items created, {report.updated} updated"
                f" ({'published' if publish else 'not published'})."
            )
        )
