"""Build the demo site: `python manage.py load_demo_content` (idempotent).

The demo's words are the data files in demo/data, loaded through the importers editors use
(import_news, import_courses, import_standard, import_journal, import_network) or, for the calls,
as pages the way editors add them, and the calls' submissions and reviews through the functions
applicants', reviewers' and editors' pages use; Python adds only generated
volume (activities, venues) and generated media (pictures, audio, sample videos).
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from demo import calls, courses, english, journal, network, site, standards, submissions
from search import facets as search_facets

# Each section's demo loader: load(home, stdout) -> whatever it wants to hand on.
SECTION_LOADERS = [
    ("site", site.load),
    ("courses", courses.load),
    ("standards", standards.load),
    ("journal", journal.load),
    ("network", network.load),
    ("calls", calls.load),
    ("submissions", submissions.load),
]

# The demo's applicants and reviewers are fictional (example.org): the mail each step of a call
# sends them (received, assigned, decision…) goes nowhere.
NO_MAIL = "django.core.mail.backends.dummy.EmailBackend"


class Command(BaseCommand):
    help = "Create (or complete) the demo site: pages, settings, menus and English translations."

    def handle(self, *args, **options):
        with override_settings(EMAIL_BACKEND=NO_MAIL), transaction.atomic():
            demo_site, home = site.ensure_home_page()
            results = {}
            for name, loader in SECTION_LOADERS:
                self.stdout.write(f"Loading {name}…")
                results[name] = loader(home, self.stdout)
            self.stdout.write("Translating into English…")
            site.translate_shell(home, results["site"])
            english.translate_sections(home, self.stdout)
            self.stdout.write("Building menus…")
            site.build_menus(home)
            # Publishing writes each page's search facets; bulk-made demo pages are caught here.
            self.stdout.write("Building search facets…")
            search_facets.rebuild()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready at {demo_site.root_url}/"))
