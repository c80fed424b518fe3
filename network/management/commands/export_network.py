from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from network.importer import IMPORTERS, export


class Command(BaseCommand):
    help = "Export organisations, experts or volunteers to .csv or .xlsx in the import's columns."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=list(IMPORTERS))
        parser.add_argument("file", help="Where to write: a name ending in .csv or .xlsx.")
        parser.add_argument(
            "--with-contacts", action="store_true", help="Include telephone, e-mail and ID number (personal data)."
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        file_format = path.suffix.lower().lstrip(".")
        if file_format not in ("csv", "xlsx"):
            raise CommandError("Name a .csv or .xlsx file.")
        content, _type, _name = export(options["kind"], file_format, with_contacts=options["with_contacts"])
        path.write_bytes(content)
        self.stdout.write(self.style.SUCCESS(f"Wrote {path}."))
