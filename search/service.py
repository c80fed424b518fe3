"""One public search: parsed query + filters → results, facet counts and messages. Plain functions,
so the page, the JSON API and the tests share them."""

import re
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from cms.query_values import whole_number
from search.analysis import domain_words, normalise, query_groups
from search.documents import public_pages
from search.facets import FACET_NAMES, MAX_VALUE_LENGTH
from search.models import PageFacet
from search.query import parse

SORTS = ("relevance", "date")
# Counts stop here: "more than 1,000 results" reads as well as 79,251 and costs a bounded scan.
COUNT_BOUND = 1000
LABEL_RE = re.compile(r"^[A-Za-z0-9_]{1,100}\.[A-Za-z0-9_]{1,100}$")


class BadFilter(ValueError):
    """A filter value that names nothing (for the API's 400)."""


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


@dataclass
class SearchOutcome:
    query: object
    results: object  # a sliceable sequence of pages with count()
    type_facets: list = field(default_factory=list)  # (model label, name, count)
    year_facets: list = field(default_factory=list)  # (year, count)
    field_facets: dict = field(default_factory=dict)  # region/section/category: [(value, count)]
    messages: list = field(default_factory=list)
    suggestions: list = field(default_factory=list)


def page_type(label):
    """The ContentType of a page model label like `home.newspage`; BadFilter otherwise."""
    if not LABEL_RE.match(label or ""):
        raise BadFilter(label)
    app_label, _dot, model = label.lower().partition(".")
    content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
    if content_type is None or not issubclass(content_type.model_class() or object, Page):
        raise BadFilter(label)
    return content_type


def parse_year(value):
    if value in (None, ""):
        return None
    year = whole_number(value, minimum=1000, maximum=9999)
    if year is None:
        raise BadFilter(value)
    return year


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


def search(text, locale=None, type_label=None, year=None, sort="relevance", facets=None):
    """Search public pages of `locale` (the active one by default), optionally only those with the
    given `facets` values ({"region": "杭州市", …}). Raises BadFilter on unknown filters."""
    parsed = parse(text)
    locale = locale or Locale.get_active()
    content_type = page_type(type_label) if type_label else None
    year = parse_year(year)
    chosen = chosen_facets(facets)
    sort = sort if sort in SORTS else "relevance"
    backend = get_search_backend()

    base = public_pages(Page.objects.filter(locale=locale)).exclude(depth__lte=1)
    if parsed.year_from:
        # Four-digit years compare as text the way they do as numbers.
        years = PageFacet.objects.filter(name=PageFacet.Name.YEAR, value__gte=str(parsed.year_from))
        base = base.filter(pk__in=years.filter(value__lte=str(parsed.year_to)).values("page_id"))
    for title in parsed.fields.get("title", []):
        title_results = backend.search(title, Page.objects.all(), fields=["title"])
        base = base.filter(pk__in=matching_queryset(title_results).values("pk"))
    # Author, keyword, section and region are searched in the text on the embedded engine.
    for name in ("author", "keyword", "section", "region"):
        parsed.words.extend(parsed.fields.get(name, []))

    outcome = SearchOutcome(query=parsed, results=BoundedResults(Page.objects.none()))
    if parsed.truncated:
        outcome.messages.append(_("Your search was very long; only its beginning was used."))
    if parsed.ignored:
        outcome.messages.append(
            _("Not understood and searched as words: %(parts)s") % {"parts": " ".join(parsed.ignored)}
        )
    query = parsed.search_query()
    if query is None and not (parsed.fields.get("title") or parsed.year_from):
        if text.strip():
            outcome.messages.append(_("Your search has no words we can look for. Try words or phrases."))
        return outcome

    matched = (
        base if query is None else matching_queryset(backend.search(query, searchable(base), order_by_relevance=False))
    )
    outcome.type_facets, outcome.year_facets, outcome.field_facets = facet_counts(matched)
    filtered = base
    if content_type:
        filtered = filtered.filter(content_type=content_type)
    if year:
        chosen[PageFacet.Name.YEAR] = str(year)
    for name, value in chosen.items():
        filtered = filtered.filter(pk__in=PageFacet.objects.filter(name=name, value=value).values("page_id"))
    if query is None:
        outcome.results = filtered.order_by("-first_published_at", "-pk")
    elif sort == "date":
        newest_first = searchable(filtered).order_by("-first_published_at", "-id")
        outcome.results = backend.search(query, newest_first, order_by_relevance=False)
    else:
        outcome.results = backend.search(query, searchable(filtered))
    outcome.results = BoundedResults(outcome.results)
    if outcome.results.count() == 0:
        outcome.suggestions = suggestions(parsed.text())
    return outcome


def searchable(queryset):
    """The queryset as a search backend takes it (filters on indexed fields only: live, locale,
    path, depth, id, content type, first published)."""
    return queryset


def chosen_facets(facets):
    """The region/section/category values asked for, trimmed; BadFilter for another name."""
    chosen = {}
    for name, value in (facets or {}).items():
        if name not in FACET_NAMES:
            raise BadFilter(name)
        if value and str(value).strip():
            chosen[name] = str(value).strip()[:MAX_VALUE_LENGTH]
    return chosen


def facet_counts(matched):
    """(type facets, year facets newest first, {region/section/category: [(value, count)]}) of the
    matching pages, most first, from one grouped query over their PageFacet rows."""
    rows = (
        PageFacet.objects.filter(page_id__in=matched.order_by().values("pk"))
        .values("name", "value")
        .annotate(count=Count("page_id"))
        .order_by("-count", "value")
    )
    grouped = {name: [] for name in PageFacet.Name.values}
    for row in rows:
        grouped[row["name"]].append((row["value"], row["count"]))
    types = []
    for label, count in grouped.pop(PageFacet.Name.TYPE):
        model = page_model(label)
        if model is not None:
            types.append((label, str(model._meta.verbose_name_plural), count))
    years = sorted(((int(value), count) for value, count in grouped.pop(PageFacet.Name.YEAR)), reverse=True)
    return types, years, {name: values for name, values in grouped.items() if values}


def page_model(label):
    """The page model of a label like `home.newspage`, or None if there is none (any more)."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    return model if issubclass(model, Page) else None


def suggestions(text):
    """Other ways to ask: the simplified form of a traditional query, and domain words sharing a bigram."""
    found = []
    simplified = normalise(text)
    if simplified != text.casefold() and simplified.strip():
        found.append(simplified)
    bigrams = {term.text for group in query_groups(text) for term in group.required if len(term.text) == 2}
    found += [word for word in domain_words() if bigrams & {word[i : i + 2] for i in range(len(word) - 1)}]
    return list(dict.fromkeys(found))[:8]
