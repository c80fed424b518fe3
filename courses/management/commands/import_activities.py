from courses.importer import run_activity_import

from ._import import ImportCommand


class Command(ImportCommand):
    help = "Import learning activities from CSV/XLSX (course_code,title,venue,venue_address,region,start,end,…)."
    kind = "activities"

    def run(self, content, filename, options):
        return run_activity_import(content, filename, publish=options["publish"], progress=self.progress)
