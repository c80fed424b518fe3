"""The search interface answered by Elasticsearch (when ELASTICSEARCH_URL is set).

One ContentSearch request per results page carries the hits, the count (stopping at COUNT_BOUND),
the facet counts and the highlighted snippets. Only public documents are in the index
(search/documents.py and search/sync.py decide), so nothing here filters for privacy.
"""

import datetime

from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Locale

from search import registry
from search.engines.elasticsearch import ContentSearch, connect
from search.interface import (
    COUNT_BOUND,
    SORTS,
    SearchRequest,
    SearchResults,
    chosen_facets,
    nothing_to_search,
    page_type,
    parse_year,
    query_messages,
    suggestions,
    type_facets,
)
from search.query import parse


class ElasticHits:
    """The hits of a search, for the paginator: count() runs the request for the page asked for
    (one request per results page); slicing another range runs another request."""

    def __init__(self, build, start, per_page, bound):
        self.build = build  # (start, stop) -> ContentSearch
        self.bound = bound
        self._window = (start, start + per_page)
        self._response = None

    def response(self, window=None):
        window = window or self._window
        if self._response is None or window != self._window:
            self._window = window
            self._response = self.build(*window).execute()
        return self._response

    def count(self):
        total = self.response().hits.total
        return min(total.value, self.bound + 1) if total.relation == "eq" else self.bound + 1

    @property
    def count_is_exact(self):
        return self.count() <= self.bound

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        start, stop = key.start or 0, key.stop
        facets = registry.facets()
        return [DocumentHit(hit, facets) for hit in self.response((start, stop))]


def _marked(fragments, fallback):
    """Highlighter fragments (escaped text around <mark> tags) as safe HTML, or the escaped fallback."""
    if not fragments:
        return escape(fallback)
    text = " … ".join(fragments)
    # Escape everything, then give back only the highlighter's own tags.
    return mark_safe(escape(text).replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>"))


def _date(value):
    if isinstance(value, str):
        return datetime.date.fromisoformat(value[:10])
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


class DocumentHit:
    """A document found, read as a Hit: everything comes from the document and its highlights."""

    parts = ()  # the index does not hold a page's parts

    def __init__(self, hit, facets):
        highlighted = getattr(hit.meta, "highlight", None)
        body = getattr(hit, "body", "") or ""
        self.page_id = int(hit.meta.id)
        self.plain_title = hit.title
        self.title = _marked(list(getattr(highlighted, "title", []) or []), hit.title)
        self.snippet = _marked(list(getattr(highlighted, "body", []) or []), body[:120])
        self.type = hit.type
        self.type_name = getattr(hit, "type_label", hit.type)
        self.url = hit.url
        self.date = _date(getattr(hit, "date", None))
        self.fields = {facet.name: _value(hit, facet) for facet in facets if getattr(hit, facet.name, None)}

    def full_url(self, request):
        return request.build_absolute_uri(self.url) if request is not None else self.url


def _value(hit, facet):
    value = getattr(hit, facet.name)
    return list(value) if facet.many else value


class ElasticsearchSearch:
    """Public documents of a locale in the Elasticsearch index (search/engines/elasticsearch.py)."""

    def answers(self):
        return bool(connect().ping())

    def search(self, request: SearchRequest) -> SearchResults:
        """Raises BadFilter on unknown filters, as every engine does."""
        parsed = parse(request.text)
        locale = request.locale or Locale.get_active()
        if request.type_label:
            page_type(request.type_label)
        year = parse_year(request.year)
        sort = request.sort if request.sort in SORTS else "relevance"
        filters = {key: value for key, value in ((registry.TYPE, request.type_label), (registry.YEAR, year)) if value}
        filters.update(chosen_facets(request.facets))
        connect()

        def build(start, stop):
            # The count stops where the embedded engine's does: "more than COUNT_BOUND".
            faceted = ContentSearch(
                parsed, filters=filters, sort=("-date",) if sort == "date" else (), locale=locale.language_code
            )
            faceted._s = faceted._s.extra(track_total_hits=COUNT_BOUND + 1)
            return faceted[start:stop]

        results = SearchResults(query=parsed, messages=query_messages(parsed))
        if parsed.is_empty:
            if message := nothing_to_search(request.text):
                results.messages.append(message)
            return results
        start = (max(1, int(request.page)) - 1) * request.per_page
        results.hits = ElasticHits(build, start, request.per_page, COUNT_BOUND)
        facets = results.hits.response().facets
        results.type_facets = type_facets((value, count) for value, count, _on in facets.type if count)
        results.year_facets = [(int(value), count) for value, count, _on in facets.year if count]
        for name in registry.counted_names():
            values = [(value, count) for value, count, _on in getattr(facets, name) if count]
            if values:
                results.field_facets[name] = values
        if results.hits.count() == 0:
            results.suggestions = suggestions(parsed.text())
        return results
