"""The one search interface every engine answers: `search(SearchRequest) -> SearchResults`.

The results page, the JSON API and the export ask the configured engine (search/service.py) and
read what it answers the same way, whichever engine it is: hits (a sliceable list of `Hit` with a
count that stops at COUNT_BOUND), facet counts, messages and suggestions. What the engines share
beyond that (checking filters, the messages about a query, suggestions) is here too.
"""

import re
from dataclasses import dataclass, field
from typing import Protocol

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from cms.core.query_values import whole_number
from search import registry
from search.analysis import domain_words, normalise, query_groups
from search.facets import MAX_VALUE_LENGTH
from search.query import ParsedQuery

SORTS = ("relevance", "date")
PER_PAGE = 10
# Counts stop here: "more than 1,000 results" reads as well as 79,251 and costs a bounded scan.
COUNT_BOUND = 1000
LABEL_RE = re.compile(r"^[A-Za-z0-9_]{1,100}\.[A-Za-z0-9_]{1,100}$")


class BadFilter(ValueError):
    """A filter value that names nothing (for the API's 400)."""


@dataclass
class SearchRequest:
    """What a reader asks: the query text (researcher syntax), the filters and the page wanted."""

    text: str = ""
    locale: Locale | None = None  # the active one when None
    type_label: str | None = None  # a page model label: `home.newspage`
    year: int | str | None = None
    facets: dict = field(default_factory=dict)  # declared facet name -> value: {"region": "杭州市"}
    sort: str = "relevance"
    page: int = 1  # Elasticsearch asks for this page of hits with the counts; others read lazily
    per_page: int = PER_PAGE

    def without_filters(self):
        return SearchRequest(self.text, self.locale, sort=self.sort, page=self.page, per_page=self.per_page)


class Hit(Protocol):
    """One result as every reader of results sees it."""

    page_id: int
    title: str  # safe HTML, the matched words in <mark>
    plain_title: str
    snippet: str  # safe HTML, the matched words in <mark>
    type: str  # the page model label
    type_name: str
    url: str
    date: object  # datetime.date or None
    parts: list  # where in a long page the words are: dicts with label, url, snippet
    fields: dict  # the page's facet values (search.documents.facet_fields)

    def full_url(self, request): ...


class Hits(Protocol):
    """The hits of a search: `count()` is exact up to `bound` and `bound + 1` beyond; slicing gives
    a list of Hit."""

    bound: int

    def count(self) -> int: ...

    @property
    def count_is_exact(self) -> bool: ...

    def __len__(self) -> int: ...

    def __getitem__(self, key: slice) -> list: ...


class NoHits:
    """The hits of a search that searched nothing."""

    bound = COUNT_BOUND
    count_is_exact = True

    def count(self):
        return 0

    def __len__(self):
        return 0

    def __getitem__(self, key):
        return []


@dataclass
class SearchResults:
    query: ParsedQuery
    hits: Hits = field(default_factory=NoHits)
    type_facets: list = field(default_factory=list)  # (model label, plural name, count)
    year_facets: list = field(default_factory=list)  # (year, count), newest first
    field_facets: dict = field(default_factory=dict)  # declared facet name: [(value, count)], most first
    messages: list = field(default_factory=list)
    suggestions: list = field(default_factory=list)


class SearchService(Protocol):
    def search(self, request: SearchRequest) -> SearchResults: ...

    def answers(self) -> bool:
        """Whether the engine can serve searches now (for /healthz/)."""


def page_type(label):
    """The ContentType of a page model label like `home.newspage`; BadFilter otherwise."""
    if not LABEL_RE.match(label or ""):
        raise BadFilter(label)
    app_label, _dot, model = label.lower().partition(".")
    content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
    if content_type is None or not issubclass(content_type.model_class() or object, Page):
        raise BadFilter(label)
    return content_type


def page_model(label):
    """The page model of a label like `home.newspage`, or None if there is none (any more)."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    return model if issubclass(model, Page) else None


def type_facets(counts):
    """(label, plural name, count) of (label, count) pairs, leaving out labels naming no page model."""
    models = ((label, page_model(label), count) for label, count in counts)
    return [(label, str(model._meta.verbose_name_plural), count) for label, model, count in models if model]


def parse_year(value):
    if value in (None, ""):
        return None
    year = whole_number(value, minimum=1000, maximum=9999)
    if year is None:
        raise BadFilter(value)
    return year


def chosen_facets(facets):
    """The values asked for of the counted facets, trimmed; BadFilter for another name."""
    names = registry.counted_names()
    chosen = {}
    for name, value in (facets or {}).items():
        if name not in names:
            raise BadFilter(name)
        if value and str(value).strip():
            chosen[name] = str(value).strip()[:MAX_VALUE_LENGTH]
    return chosen


def query_messages(parsed):
    """What the reader should know about how the query was read."""
    messages = []
    if parsed.truncated:
        messages.append(_("Your search was very long; only its beginning was used."))
    if parsed.ignored:
        messages.append(_("Not understood and searched as words: %(parts)s") % {"parts": " ".join(parsed.ignored)})
    return messages


def nothing_to_search(text):
    return _("Your search has no words we can look for. Try words or phrases.") if text.strip() else None


def suggestions(text):
    """Other ways to ask: the simplified form of a traditional query, and domain words sharing a bigram."""
    found = []
    simplified = normalise(text)
    if simplified != text.casefold() and simplified.strip():
        found.append(simplified)
    bigrams = {term.text for group in query_groups(text) for term in group.required if len(term.text) == 2}
    found += [word for word in domain_words() if bigrams & {word[i : i + 2] for i in range(len(word) - 1)}]
    return list(dict.fromkeys(found))[:8]
