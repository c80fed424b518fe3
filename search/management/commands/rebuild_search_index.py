"""`python manage.py rebuild_search_index [--backend NAME]`: rebuild the search indexes with a progress bar."""

from django.core.management.base import BaseCommand, CommandError
from modelsearch.backends import InvalidSearchBackendError, get_search_backend
from modelsearch.conf import get_app_config

from search import facets
from search.engines import elasticsearch as es
from search.indexing import rebuild, rebuild_elasticsearch


class Command(BaseCommand):
    help = (
        "Rebuild the search indexes of every configured backend (or one) from the database, "
        "the search facets, and the Elasticsearch index when ELASTICSEARCH_URL is set."
    )

    def add_arguments(self, parser):
        parser.add_argument("--backend", help="A name from WAGTAILSEARCH_BACKENDS; all of them when omitted.")

    def handle(self, *args, backend=None, **options):
        names = [backend] if backend else list(get_app_config().get_search_backend_config())
        for name in names:
            try:
                search_backend = get_search_backend(name)
            except InvalidSearchBackendError as error:
                raise CommandError(f"Unknown search backend {name!r}: {error}") from error
            self.stdout.write(f"Rebuilding search backend {name} ({type(search_backend).__name__})…")
            count = rebuild(search_backend, stdout=self.stdout if options["verbosity"] else None)
            self.stdout.write(self.style.SUCCESS(f"{name}: indexed {count} objects."))
        if not backend:
            self.stdout.write("Rebuilding the search facets (year, region, section, category)…")
            count = facets.rebuild(stdout=self.stdout if options["verbosity"] else None)
            self.stdout.write(self.style.SUCCESS(f"Search facets: {count} live pages."))
        if es.configured() and not backend:
            self.stdout.write(f"Rebuilding the Elasticsearch index at {es.settings.ELASTICSEARCH_URL}…")
            try:
                count = rebuild_elasticsearch(stdout=self.stdout if options["verbosity"] else None)
            except Exception as error:
                raise CommandError(f"Elasticsearch could not be rebuilt: {error}") from error
            self.stdout.write(self.style.SUCCESS(f"Elasticsearch: indexed {count} public pages."))
