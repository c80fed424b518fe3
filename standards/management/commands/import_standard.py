"""`python manage.py import_standard FILE.json [--publish] [--index SLUG]` (see standards/importer.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, no_translations
from wagtail.models import Locale

from cms.core.spreadsheets import ImportFileError
from standards import importer
from standards.models import StandardIndexPage


class Command(BaseCommand):
    help = "Import one version of a standard from JSON; nothing is written unless the whole file is valid."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--publish", action="store_true", help="Publish the version (default: a draft).")
        parser.add_argument("--index", metavar="SLUG", help="The standards page to import under (default: the first).")

    @no_translations
    def handle(self, *args, file, publish, index, **options):
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        parent = None
        if index:
            parent = StandardIndexPage.objects.filter(slug=index, locale=Locale.get_default()).first()
            if parent is None:
                raise CommandError(f"No standards page has the slug {index!r}.")
        try:
            report = importer.run_import(file.read_bytes(), parent=parent, publish=publish)
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"Nothing was imported: {len(report.problems)} problem(s) in {file}.")
        page = report.page
        self.stdout.write(
            self.style.SUCCESS(
                f"{'Created' if report.created else 'Updated'} {page.title} {page.version}: "
                f"{len(page.document.clauses)} clauses ({'published' if publish else 'draft'})."
            )
        )
