from courses.importer import run_course_import
from courses.models import CourseIndexPage

from ._import import CommandError, ImportCommand


class Command(ImportCommand):
    help = "Import courses from CSV/XLSX (code,title,category,audience,region,…); rows are matched on code."
    kind = "courses"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--catalog", type=int, help="The id of the course catalog page (default: the first one).")

    def run(self, content, filename, options):
        index = None
        if options.get("catalog"):
            index = CourseIndexPage.objects.filter(pk=options["catalog"]).first()
            if index is None:
                raise CommandError(f"No course catalog page has the id {options['catalog']}.")
        return run_course_import(content, filename, index=index, publish=options["publish"], progress=self.progress)
