"""Facet values of published pages, kept in PageFacet for the embedded engine's counts and filters.

A page's values come from the same place as its Elasticsearch document (search.documents): its
type, the year its `search_facets()` gives (or that of its date), and what it gives for the
counted facets and the query fields the apps declared (search/registry.py).
"""

from django.db import transaction
from wagtail.models import Page
from wagtail.signals import page_published

from search import registry
from search.documents import facet_fields
from search.indexing import ProgressBar, chunks
from search.models import PageFacet

MAX_VALUE_LENGTH = PageFacet._meta.get_field("value").max_length


def facet_values(page):
    """(name, value) pairs of a specific page, each once."""
    pairs = [(registry.TYPE, page._meta.label_lower)]
    fields = facet_fields(page)
    if fields[registry.YEAR]:
        pairs.append((registry.YEAR, str(fields[registry.YEAR])))
    for name in registry.stored_names():
        values = fields.get(name)
        for value in values if isinstance(values, (list, tuple)) else [values]:
            value = str(value or "").strip()[:MAX_VALUE_LENGTH]
            if value:
                pairs.append((name, value))
    return list(dict.fromkeys(pairs))


def store(pages):
    """Replace the facet rows of these specific pages with their current values."""
    pages = list(pages)
    with transaction.atomic():
        PageFacet.objects.filter(page_id__in=[page.pk for page in pages]).delete()
        PageFacet.objects.bulk_create(
            PageFacet(page_id=page.pk, name=name, value=value) for page in pages for name, value in facet_values(page)
        )


def rebuild(stdout=None, chunk_size=500):
    """Facet rows for every live page, from scratch; returns the number of pages."""
    pages = Page.objects.live().exclude(depth=1).order_by("pk").specific()
    progress = ProgressBar(stdout, pages.count(), "search facets")
    done = 0
    with transaction.atomic():
        PageFacet.objects.all().delete()
        for chunk in chunks(pages, chunk_size):
            store(chunk)
            done += len(chunk)
            progress.show(done)
    return done


def on_publish(sender, instance, **kwargs):
    store([instance.specific])


def connect_signals():
    page_published.connect(on_publish, dispatch_uid="search-facets-published")
