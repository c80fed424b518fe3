"""Remind reviewers of reviews left undone (run daily: deploy/systemd has the timer pattern)."""

from django.core.management.base import BaseCommand

from calls.reviewing import remind_overdue


class Command(BaseCommand):
    help = "Mail reviewers whose assigned reviews have waited more than --days days."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7)

    def handle(self, *args, days, **options):
        reminded = remind_overdue(days)
        self.stdout.write(f"{len(reminded)} reminders sent")
