from django.core.management.base import BaseCommand, CommandError

from cms.core import backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded files (media, private media) into one .tar.gz (cms/core/backup.py)."

    def add_arguments(self, parser):
        parser.add_argument("--output", default="backups", help="Folder for the archive (default: backups/).")

    def handle(self, *args, output, **options):
        try:
            path = backup.create(output, progress=self.stdout.write)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {path}"))
