"""The facets the apps give the site search, declared through the Wagtail hook `site_search_facets`.

Search knows two facets of its own: a page's type (its model) and its year. Every other value comes
from the app that owns the pages: its hook returns a list of `SearchFacet`, and its page classes
give the values from `search_facets(self) -> dict` (keys: the declared names, plus `date` and
`year` when a page has its own). One name is one thing everywhere: the key in `search_facets()`,
the `?name=` filter of the results page and the API, `name:` in the researcher syntax, the
PageFacet rows of the embedded engine and the field of the Elasticsearch document.

Two apps may declare the same name (pages of both give a region) if they declare it alike.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

HOOK = "site_search_facets"
CITATIONS_HOOK = "site_search_citations"
TYPE = "type"
YEAR = "year"
DATE = "date"
OWN_LABELS = {TYPE: _("Content type"), YEAR: _("Year")}
# Names search gives a meaning of its own: `title:` searches titles, `date` is a page's date.
RESERVED = {TYPE, YEAR, DATE, "title", "q", "page", "sort", "format", "lang"}
NAME_RE = re.compile(r"^[a-z]{1,20}$")  # what the researcher syntax reads as a field name


@dataclass(frozen=True)
class SearchFacet:
    """A value that pages give the site search."""

    name: str  # lower-case letters: `region`
    label: str  # the facet's heading on the results page: _("Region")
    order: int = 100  # place among the facets on the results page, smallest first
    counted: bool = True  # listed with counts and filtered by ?name=value; else only searched and exported
    query_field: bool = False  # readers may write `name:value`
    many: bool = False  # a page gives a list of values
    cited_as: str = ""  # "author" or "keyword": what the CSV, BibTeX and RIS exports list it as


def facets():
    """Every declared facet, once, in display order."""
    declared = {}
    for provider in hooks.get_hooks(HOOK):
        for facet in provider():
            if not NAME_RE.match(facet.name) or facet.name in RESERVED:
                raise ImproperlyConfigured(f"{HOOK}: {facet.name!r} cannot name a search facet.")
            if declared.setdefault(facet.name, facet) != facet:
                raise ImproperlyConfigured(f"{HOOK}: {facet.name!r} is declared twice, differently.")
    return sorted(declared.values(), key=lambda facet: (facet.order, facet.name))


def counted_facets():
    """The facets listed with counts and filtered by ?name=value."""
    return [facet for facet in facets() if facet.counted]


def counted_names():
    return [facet.name for facet in counted_facets()]


def query_field_names():
    """The names a reader may write as `name:value` (besides search's own `title:` and `year:`)."""
    return [facet.name for facet in facets() if facet.query_field]


def stored_names():
    """The facets whose values the embedded engine keeps as PageFacet rows: the counted ones and
    the query fields (`author:胡晓东` finds the pages having exactly that value, as on Elasticsearch)."""
    return [facet.name for facet in facets() if facet.counted or facet.query_field]


def cited(role):
    """The names of the facets exported as `role` ("author" or "keyword")."""
    return [facet.name for facet in facets() if facet.cited_as == role]


def facet_choices():
    """The names a PageFacet row may have, with their labels (PageFacet.name's choices)."""
    return [*OWN_LABELS.items(), *((facet.name, facet.label) for facet in facets() if facet.name in stored_names())]


@dataclass(frozen=True)
class CitationWriter:
    """How an app writes full citation records of its pages for the search export, declared
    through the Wagtail hook `site_search_citations` (a list of these): the export writes the
    same record as the page's own "cite" download, and a generic one for other pages."""

    model: str  # the page model label, lower case: "journal.articlepage"
    # (page ids, export format, request) -> {page id: record}: a str for "bibtex" and "ris",
    # a CSL-JSON dict for "csljson"; a page left out gets the generic record.
    write: Callable


def citation_writers():
    """{page model label: write function} of every declared CitationWriter."""
    writers = {}
    for provider in hooks.get_hooks(CITATIONS_HOOK):
        for writer in provider():
            if writers.setdefault(writer.model, writer.write) is not writer.write:
                raise ImproperlyConfigured(f"{CITATIONS_HOOK}: {writer.model!r} has two citation writers.")
    return writers
