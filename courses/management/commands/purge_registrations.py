from django.core.management.base import BaseCommand

from courses.registration import purge_expired


class Command(BaseCommand):
    help = "Erase activity sign-ups whose retention period has ended (run daily)."

    def handle(self, *args, **options):
        deleted = purge_expired()
        self.stdout.write(self.style.SUCCESS(f"{deleted} expired sign-up(s) erased."))
