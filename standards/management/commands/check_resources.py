"""`python manage.py check_resources`: check the course catalog's resources against the current standard.

Exit status: 0 when every resource checked conforms, 1 when any does not, 2 when the check
could not run (no standard, no resources source, unknown course).
"""

from django.core.management.base import BaseCommand, CommandError

from standards.conformance import check
from standards.report_formats import FORMATTERS
from standards.sources import SourceUnavailable, catalog_resources, current_standard, standard_rules


class Command(BaseCommand):
    help = "Check course resources against the current standard's machine-checkable rules."

    def add_arguments(self, parser):
        parser.add_argument(
            "--course", action="append", dest="courses", metavar="CODE", help="Only this course (repeatable)."
        )
        parser.add_argument(
            "--format", choices=sorted(FORMATTERS), default="text", help="Report format (default: text)."
        )
        parser.add_argument("--standard", metavar="CODE", help="The standard's code; default: the current standard.")
        parser.add_argument("--output", metavar="FILE", help="Write the report to FILE instead of standard output.")

    def handle(self, *args, courses=None, format="text", standard=None, output=None, verbosity=1, **options):
        page = current_standard(standard)
        if page is None:
            raise CommandError(
                f"No live standard with code {standard}." if standard else "No current standard is published.",
                returncode=2,
            )
        info, rules = standard_rules(page)
        try:
            resources = catalog_resources(courses)
        except SourceUnavailable as error:
            raise CommandError(str(error), returncode=2) from error
        if courses and not resources:
            raise CommandError(f"No resources found for course {', '.join(courses)}.", returncode=2)

        def progress(done, total, resource):
            if verbosity:
                self.stderr.write(f"[{done}/{total}] {resource.title}")

        report = check(resources, rules, standard=info, progress=progress)
        text = FORMATTERS[format](report)
        if output:
            with open(output, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        else:
            self.stdout.write(text, ending="")
        if not report.conforms:
            self.stderr.write(
                f"{report.totals()['nonconforming']} of {len(report.resources)} resources do not conform."
            )
            raise SystemExit(1)
