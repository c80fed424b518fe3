"""Apply each call's retention period to its submissions (run daily: deploy/systemd/cms-purge-personal-data.timer)."""

from django.core.management.base import BaseCommand

from calls.retention import expired_calls, purge_call


class Command(BaseCommand):
    help = (
        "For every call whose retention period has run out, delete the submissions' files, the submissions "
        "not accepted and all reviews, and anonymise the accepted submissions (calls.retention)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Show what would be purged; change nothing.")

    def handle(self, *args, dry_run, **options):
        verb = "would purge" if dry_run else "purged"
        purged = 0
        for call in expired_calls():
            purge = purge_call(call, dry_run=dry_run)
            if not purge:
                continue
            purged += 1
            self.stdout.write(
                f"{call.title} (#{call.pk}, kept until {call.retained_until():%Y-%m-%d}): {verb} "
                f"{purge.files} files, {purge.deleted} submissions not accepted, {purge.reviews} reviews; "
                f"{'would anonymise' if dry_run else 'anonymised'} {purge.anonymised} accepted submissions"
            )
        summary = f"{purged} calls {'to purge' if dry_run else 'purged'}"
        self.stdout.write(self.style.SUCCESS(summary) if purged and not dry_run else summary)
