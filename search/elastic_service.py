"""The public search served by Elasticsearch (when ELASTICSEARCH_URL is set).

Gives the page and the JSON API the same outcome as search/service.py does from the embedded
engine (results, type and year facets with counts, highlighted snippets, a count that stops at
COUNT_BOUND), from one ContentSearch request per results page. Only public documents are in the
index (search/documents.py and search/sync.py decide), so nothing here filters for privacy.
"""

import datetime

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Page

from search import service
from search.engines.elasticsearch import ContentSearch, connect
from search.facets import FACET_NAMES
from search.query import parse


class ElasticResults:
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
        return list(self.response((start, stop)))


def _marked(fragments, fallback):
    """Highlighter fragments (escaped text around <mark> tags) as safe HTML, or the escaped fallback."""
    if not fragments:
        return escape(fallback)
    text = " … ".join(fragments)
    # Escape everything, then give back only the highlighter's own tags.
    return mark_safe(escape(text).replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>"))


def result(hit):
    """A hit as the page and the API show it (the same keys as the embedded engine's results)."""
    highlight = getattr(hit.meta, "highlight", None)
    date = getattr(hit, "date", None)
    if isinstance(date, str):
        date = datetime.date.fromisoformat(date[:10])
    elif isinstance(date, datetime.datetime):
        date = date.date()
    body = getattr(hit, "body", "") or ""
    return {
        "title": _marked(list(getattr(highlight, "title", []) or []), hit.title),
        "plain_title": hit.title,
        "snippet": _marked(list(getattr(highlight, "body", []) or []), body[:120]),
        "type": hit.type,
        "type_name": getattr(hit, "type_label", hit.type),
        "url": hit.url,
        "date": date,
    }


def search(text, locale, type_label=None, year=None, sort="relevance", page_number=1, per_page=10, facets=None):
    """An outcome like service.search's, from Elasticsearch. Raises service.BadFilter as it does."""
    parsed = parse(text)
    if type_label:
        service.page_type(type_label)
    year = service.parse_year(year)
    sort = sort if sort in service.SORTS else "relevance"
    filters = {key: value for key, value in (("type", type_label), ("year", year)) if value}
    filters.update(service.chosen_facets(facets))
    connect()

    def build(start, stop):
        # The count stops where the embedded engine's does: "more than COUNT_BOUND".
        faceted = ContentSearch(
            parsed, filters=filters, sort=("-date",) if sort == "date" else (), locale=locale.language_code
        )
        faceted._s = faceted._s.extra(track_total_hits=service.COUNT_BOUND + 1)
        return faceted[start:stop]

    outcome = service.SearchOutcome(query=parsed, results=service.BoundedResults(Page.objects.none()))
    if parsed.truncated:
        outcome.messages.append(_("Your search was very long; only its beginning was used."))
    if parsed.ignored:
        outcome.messages.append(
            _("Not understood and searched as words: %(parts)s") % {"parts": " ".join(parsed.ignored)}
        )
    if parsed.is_empty:
        if text.strip():
            outcome.messages.append(_("Your search has no words we can look for. Try words or phrases."))
        return outcome
    start = (max(1, int(page_number)) - 1) * per_page
    outcome.results = ElasticResults(build, start, per_page, service.COUNT_BOUND)
    facets = outcome.results.response().facets
    names = type_names([value for value, _count, _on in facets.type])
    outcome.type_facets = [(value, names.get(value, value), count) for value, count, _on in facets.type if count]
    outcome.year_facets = [(int(value), count) for value, count, _on in facets.year if count]
    for name in FACET_NAMES:
        values = [(value, count) for value, count, _on in getattr(facets, name) if count]
        if values:
            outcome.field_facets[name] = values
    if outcome.results.count() == 0:
        outcome.suggestions = service.suggestions(parsed.text())
    return outcome


def type_names(labels):
    """Plural names of page model labels like `home.newspage` (unknown labels are left out)."""
    models = {label: service.page_model(label) for label in labels}
    return {label: str(model._meta.verbose_name_plural) for label, model in models.items() if model is not None}
