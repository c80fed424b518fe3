"""The engine that answers the public search, chosen once from the settings.

Elasticsearch when ELASTICSEARCH_URL is set, the embedded engine (SQLite FTS5 or PostgreSQL)
otherwise; both answer search/interface.py's `search(SearchRequest) -> SearchResults`, so the
results page, the JSON API and the export never ask which one it is.

While a configured Elasticsearch does not answer, the embedded engine answers instead (Wagtail
keeps its index up to date on every save whichever engine serves), and the results say so.
"""

import logging
import time
from functools import cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.translation import gettext as _
from elastic_transport import TransportError
from elasticsearch import ApiError

from search.elastic_service import ElasticsearchSearch
from search.embedded_service import EmbeddedSearch
from search.engines.elasticsearch import configured as elasticsearch_configured
from search.interface import SearchRequest, SearchService

CHOOSING_SETTINGS = {"ELASTICSEARCH_URL"}
logger = logging.getLogger(__name__)


class EmbeddedWhenUnreachable:
    """Elasticsearch, or the embedded engine while the cluster fails (down, timing out, index missing).

    After a failure the cluster is left alone for RETRY_AFTER_SECONDS, so that a cluster that
    times out does not make every search wait for it."""

    RETRY_AFTER_SECONDS = 30

    def __init__(self, primary, standby):
        self.primary, self.standby = primary, standby
        self.retry_at = 0.0

    def answers(self):
        return self.primary.answers()

    def search(self, request: SearchRequest):
        if time.monotonic() >= self.retry_at:
            try:
                return self.primary.search(request)
            except (TransportError, ApiError) as error:
                self.retry_at = time.monotonic() + self.RETRY_AFTER_SECONDS
                logger.warning("Elasticsearch did not answer; the embedded engine answers instead: %s", error)
        results = self.standby.search(request)
        results.messages.insert(
            0, _("The full-text search service is not answering; these results come from the site's own search.")
        )
        return results


@cache
def get_search_service() -> SearchService:
    if elasticsearch_configured():
        return EmbeddedWhenUnreachable(ElasticsearchSearch(), EmbeddedSearch())
    return EmbeddedSearch()


@receiver(setting_changed)
def _choose_again(setting, **kwargs):
    # Tests (and only tests) change settings while the process runs.
    if setting in CHOOSING_SETTINGS:
        get_search_service.cache_clear()


def search(text="", **options):
    """The configured engine's answer to `text` with SearchRequest's other fields as keywords."""
    return get_search_service().search(SearchRequest(text, **options))
