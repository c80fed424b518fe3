"""What import_courses and import_activities share: read the file, report problems, show progress."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.core.spreadsheets import ImportFileError


class ImportCommand(BaseCommand):
    kind = ""

    def add_arguments(self, parser):
        parser.add_argument("file", help="A UTF-8 .csv or an .xlsx file with a header row.")
        parser.add_argument("--publish", action="store_true", help="Publish the rows (default: drafts).")

    def run(self, content, filename, options):
        raise NotImplementedError

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            report = self.run(path.read_bytes(), path.name, options)
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(report.problems)} problem(s) found; nothing was imported.")
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.created} {self.kind} created, {report.updated} updated"
                f" ({'published' if options['publish'] else 'not published'})."
            )
        )

    def progress(self, done, total):
        if done == total or done % 50 == 0:
            self.stdout.write(f"  {done}/{total}")
