"""The search interface answered by the embedded engine (SQLite FTS5 or PostgreSQL, through
modelsearch and search/engines/): ranked pages read lazily, a slice at a time, and facet counts
from grouped queries over the matching pages' PageFacet rows."""

from collections import Counter
from functools import cached_property

from django.db.models import Count
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from search import registry
from search.documents import body_text, facet_fields, locale_pages, page_date, public_pages
from search.highlight import highlight, snippet
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
from search.models import PageFacet
from search.query import parse

# Bound parameters per facet query (SQLite allows 32,766).
FACET_IDS_PER_QUERY = 10_000


class BoundedResults:
    """Search results whose count() stops at COUNT_BOUND + 1, for the paginator and the API.

    `count_is_exact` says whether the count is the whole number of matches or only "more than
    COUNT_BOUND"; slicing passes through, so pages stay reachable up to the bound.
    """

    def __init__(self, results, bound=None):
        self.results = results
        self.bound = COUNT_BOUND if bound is None else bound
        self._count = None

    def count(self):
        if self._count is None:
            if hasattr(self.results, "count_at_most"):
                self._count = self.results.count_at_most(self.bound)
            else:
                self._count = self.results[: self.bound + 1].count()
        return self._count

    @property
    def count_is_exact(self):
        return self.count() <= self.bound

    def __getitem__(self, key):
        return self.results[key]

    def __len__(self):
        return self.count()


class PageHit:
    """A page found, read as a Hit; the highlighted parts are made only when shown."""

    def __init__(self, page, query):
        self.page, self.query = page, query
        self.page_id = page.pk
        self.plain_title = getattr(page, "localized_title", page.title)  # an article's English title on /en/
        self.type = page._meta.label_lower
        self.type_name = page._meta.verbose_name
        self.date = page_date(page)

    @cached_property
    def url(self):
        return self.page.get_url()

    def full_url(self, request):
        return self.page.get_full_url(request) or ""

    @cached_property
    def title(self):
        return highlight(self.plain_title, self.query.text())

    @cached_property
    def snippet(self):
        return snippet(body_text(self.page), self.query.text())

    @cached_property
    def parts(self):
        """Where in a long page the words are (a standard's clauses), when the page can tell."""
        words = self.query.required_words()
        if not words or not hasattr(self.page, "search_result_parts"):
            return []
        text = self.query.text()
        return [{**part, "snippet": snippet(part["text"], text)} for part in self.page.search_result_parts(words)]

    @cached_property
    def fields(self):
        return facet_fields(self.page)


class PageHits(BoundedResults):
    """Ranked pages as Hits: each slice reads its pages, then their specific forms in one go per type."""

    def __init__(self, results, query):
        super().__init__(results)
        self.query = query

    def __getitem__(self, key):
        return [PageHit(page, self.query) for page in specific_in_order(self.results[key])]


def specific_in_order(pages):
    ids = [page.pk for page in pages]
    specific = Page.objects.filter(pk__in=ids).specific().in_bulk(ids)
    return [specific[pk] for pk in ids if pk in specific]


def matching_queryset(results):
    """The unranked queryset behind a search result (for facet counts)."""
    compiler = results.query_compiler
    return compiler.queryset.filter(pk__in=[]) if compiler.query is None else _compiled(results)


def _compiled(results):
    compiler = results.query_compiler
    config = compiler.get_config(results.backend)
    try:
        return compiler.search(config, None, None, backend=results.backend)
    except TypeError:  # the SQLite compiler takes no backend argument
        return compiler.search(config, None, None)


class EmbeddedSearch:
    """Public pages of a locale found by the configured modelsearch backend (WAGTAILSEARCH_BACKENDS)."""

    def answers(self):
        return True  # the index lives in the database, which /healthz/ checks on its own

    def search(self, request: SearchRequest) -> SearchResults:
        """Raises BadFilter on unknown filters."""
        parsed = parse(request.text)
        locale = request.locale or Locale.get_active()
        content_type = page_type(request.type_label) if request.type_label else None
        year = parse_year(request.year)
        chosen = chosen_facets(request.facets)
        sort = request.sort if request.sort in SORTS else "relevance"
        backend = get_search_backend()

        base = public_pages(locale_pages(locale)).exclude(depth__lte=1)
        if parsed.year_from:
            # Four-digit years compare as text the way they do as numbers.
            years = PageFacet.objects.filter(name=registry.YEAR, value__gte=str(parsed.year_from))
            base = base.filter(pk__in=years.filter(value__lte=str(parsed.year_to)).values("page_id"))
        for title in parsed.fields.get("title", []):
            title_results = backend.search(title, Page.objects.all(), fields=["title"])
            base = base.filter(pk__in=matching_queryset(title_results).values("pk"))
        # The facets' query fields (`author:`, `section:` …) need exactly that value, as the
        # Elasticsearch engine's term filters do.
        for name in registry.query_field_names():
            for value in parsed.fields.get(name, []):
                base = base.filter(pk__in=PageFacet.objects.filter(name=name, value=value).values("page_id"))

        results = SearchResults(query=parsed, messages=query_messages(parsed))
        query = parsed.search_query()
        if query is None and not (parsed.fields or parsed.year_from):
            if message := nothing_to_search(request.text):
                results.messages.append(message)
            return results

        if query is None and (unwanted := parsed.excluded_query()) is not None:
            # Fields alone, with words left out (`author:胡晓东 -乡村`).
            excluded = matching_queryset(backend.search(unwanted, base, order_by_relevance=False))
            base = base.exclude(pk__in=excluded.values("pk"))
        matched = base if query is None else matching_queryset(backend.search(query, base, order_by_relevance=False))
        results.type_facets, results.year_facets, results.field_facets = facet_counts(matched)
        filtered = base
        if content_type:
            filtered = filtered.filter(content_type=content_type)
        if year:
            chosen[registry.YEAR] = str(year)
        for name, value in chosen.items():
            filtered = filtered.filter(pk__in=PageFacet.objects.filter(name=name, value=value).values("page_id"))
        if query is None:
            found = filtered.order_by("-first_published_at", "-pk")
        elif sort == "date":
            newest_first = filtered.order_by("-first_published_at", "-id")
            found = backend.search(query, newest_first, order_by_relevance=False)
        else:
            found = backend.search(query, filtered)
        results.hits = PageHits(found, parsed)
        if results.hits.count() == 0:
            results.suggestions = suggestions(parsed.text())
        return results


def facet_counts(matched):
    """(type facets, year facets newest first, {counted facet name: [(value, count)]}) of the
    matching pages, most first, from grouped queries over their PageFacet rows.

    The matching ids are read first, so the full-text match runs once: as a subquery, PostgreSQL
    without fresh statistics (right after a bulk import) re-ran it for every facet row."""
    page_ids = list(matched.order_by().values_list("pk", flat=True))
    counted = [registry.TYPE, registry.YEAR, *registry.counted_names()]
    counts = Counter()
    for start in range(0, len(page_ids), FACET_IDS_PER_QUERY):
        chunk = page_ids[start : start + FACET_IDS_PER_QUERY]
        rows = PageFacet.objects.filter(page_id__in=chunk, name__in=counted).values_list("name", "value")
        rows = rows.annotate(Count("page_id"))
        counts.update({(name, value): count for name, value, count in rows})
    grouped = {}
    for (name, value), count in sorted(counts.items(), key=lambda item: (-item[1], item[0][1])):
        grouped.setdefault(name, []).append((value, count))
    types = type_facets(grouped.pop(registry.TYPE, []))
    years = sorted(((int(value), count) for value, count in grouped.pop(registry.YEAR, [])), reverse=True)
    return types, years, {name: grouped[name] for name in registry.counted_names() if name in grouped}
