"""Build the demo site: `python manage.py load_demo_content` (idempotent)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from courses import demo as courses_demo
from demo import journal as journal_demo
from demo import standards as standards_demo
from home import demo as site_demo
from search import facets as search_facets

# Each section's demo loader: load(home, stdout) -> whatever it wants to hand on.
SECTION_LOADERS = [
    ("site", site_demo.load),
    ("courses", courses_demo.load),
    ("standards", standards_demo.load),
    ("journal", journal_demo.load),
]


class Command(BaseCommand):
    help = "Create (or complete) the demo site: pages, settings, menus and English translations."

    def handle(self, *args, **options):
        with transaction.atomic():
            site, home = site_demo.ensure_home_page()
            results = {}
            for name, loader in SECTION_LOADERS:
                self.stdout.write(f"Loading {name}…")
                results[name] = loader(home, self.stdout)
            self.stdout.write("Translating into English…")
            site_demo.translate_shell(home, results["site"])
            self.stdout.write("Building menus…")
            site_demo.build_menus(home)
            # Publishing writes each page's search facets; bulk-made demo pages are caught here.
            self.stdout.write("Building search facets…")
            search_facets.rebuild()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready at {site.root_url}/"))
