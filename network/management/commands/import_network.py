from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.core.spreadsheets import ImportFileError
from network.importer import IMPORTERS, run_import


class Command(BaseCommand):
    help = "Import organisations, experts or volunteers from CSV/XLSX; every problem is listed and nothing is written."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=list(IMPORTERS))
        parser.add_argument("file", help="A UTF-8 .csv or an .xlsx file with a header row.")
        parser.add_argument("--publish", action="store_true", help="Publish imported organisations (default: drafts).")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            report = run_import(options["kind"], path.read_bytes(), path.name, publish=options["publish"])
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(report.problems)} problem(s) found; nothing was imported.")
        self.stdout.write(self.style.SUCCESS(f"{report.created} {options['kind']} created, {report.updated} updated."))
