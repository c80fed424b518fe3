"""`python manage.py import_journal FILE.json [--publish] [--journal SLUG]` (see journal/importer.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, no_translations
from wagtail.models import Site

from journal import importer


class Command(BaseCommand):
    help = "Import back issues of the journal from a JSON file; nothing is written unless the whole file is valid."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--publish", action="store_true", help="Publish the issues and articles (default: drafts).")
        parser.add_argument("--journal", metavar="SLUG", help="The journal to import into (default: the first one).")

    @no_translations  # problems are reported in English, like the rest of the command's output
    def handle(self, *args, file, publish, journal, **options):
        try:
            data = importer.read(file)
            site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
            if site is None:
                raise CommandError("There is no default site to import under.")
            outcome = importer.write(
                data, file.parent, site.root_page, journal_slug=journal, publish=publish, progress=self._progress
            )
        except importer.ImportFailed as failure:
            for problem in failure.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"Nothing was imported: {len(failure.problems)} problem(s) in {file}.") from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported into {outcome.journal.title}: {outcome.issues_created} new and {outcome.issues_updated} "
                f"updated issues, {outcome.articles_created} new and {outcome.articles_updated} updated articles"
                + (" (published)." if publish else " (drafts).")
            )
        )

    def _progress(self, done, total, issue_title):
        if done == total or done % 25 == 0:
            self.stdout.write(f"  {done}/{total} articles ({issue_title})")
