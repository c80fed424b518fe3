from django.core.management.base import BaseCommand, CommandError

from cms.core import backup


class Command(BaseCommand):
    help = "Replace the database and the uploaded files with those of a backup made by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The backup-….tar.gz file.")
        parser.add_argument("--yes", action="store_true", help="Do not ask before replacing everything.")

    def handle(self, *args, archive, yes, **options):
        try:
            manifest = backup.read_manifest(archive)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        tables = manifest["tables"]
        self.stdout.write(
            f"Backup of {manifest['created']} ({manifest['engine']}): "
            f"{sum(tables.values())} rows in {len(tables)} tables, and the uploaded files."
        )
        if not yes and input("This replaces the current database and uploaded files. Type 'yes' to go on: ") != "yes":
            raise CommandError("Nothing restored.")
        try:
            differences = backup.restore(archive, progress=self.stdout.write)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        if differences:
            listed = ", ".join(
                f"{table} ({found} rows, {rows} in the backup)" for table, (rows, found) in differences.items()
            )
            raise CommandError(f"Restored, but these tables differ from the backup: {listed}")
        self.stdout.write(self.style.SUCCESS("Restored: every table has the rows the backup recorded."))
