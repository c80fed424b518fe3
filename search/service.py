"""The engine that answers the public search, chosen once from the settings.

Elasticsearch when ELASTICSEARCH_URL is set, the embedded engine (SQLite FTS5 or PostgreSQL)
otherwise; both answer search/interface.py's `search(SearchRequest) -> SearchResults`, so the
results page, the JSON API and the export never ask which one it is.
"""

from functools import cache

from django.core.signals import setting_changed
from django.dispatch import receiver

from search.elastic_service import ElasticsearchSearch
from search.embedded_service import EmbeddedSearch
from search.engines.elasticsearch import configured as elasticsearch_configured
from search.interface import SearchRequest, SearchService

CHOOSING_SETTINGS = {"ELASTICSEARCH_URL"}


@cache
def get_search_service() -> SearchService:
    return ElasticsearchSearch() if elasticsearch_configured() else EmbeddedSearch()


@receiver(setting_changed)
def _choose_again(setting, **kwargs):
    # Tests (and only tests) change settings while the process runs.
    if setting in CHOOSING_SETTINGS:
        get_search_service.cache_clear()


def search(text="", **options):
    """The configured engine's answer to `text` with SearchRequest's other fields as keywords."""
    return get_search_service().search(SearchRequest(text, **options))
