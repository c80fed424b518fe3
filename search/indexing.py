"""Rebuilding a search backend's indexes, with progress: used by `rebuild_search_index` and the benches."""

from elasticsearch.helpers import bulk
from modelsearch.index import get_indexed_models
from modelsearch.management.commands.rebuild_modelsearch_index import group_models_by_index
from wagtail.models import Page

from search.documents import public_pages
from search.engines import elasticsearch as es
from search.sync import actions_for

CHUNK_SIZE = 1000


class ProgressBar:
    """A one-line text progress bar for a terminal or a log (`[#####.....] 500/1000 home.ContentPage`)."""

    WIDTH = 30

    def __init__(self, stdout, total, label):
        self.stdout, self.total, self.label = stdout, total, label

    def show(self, done):
        if self.stdout is None:
            return
        filled = self.WIDTH * done // self.total if self.total else self.WIDTH
        bar = "#" * filled + "." * (self.WIDTH - filled)
        end = "\n" if done >= self.total else "\r"
        self.stdout.write(f"[{bar}] {done}/{self.total} {self.label}", ending=end)
        self.stdout.flush()


def chunks(queryset, size):
    """Chunks by primary key, so memory stays flat on large tables."""
    last_pk = None
    while True:
        page = queryset if last_pk is None else queryset.filter(pk__gt=last_pk)
        chunk = list(page[:size])
        if not chunk:
            return
        yield chunk
        last_pk = chunk[-1].pk


def rebuild(backend, stdout=None, chunk_size=CHUNK_SIZE):
    """Rebuild every index of `backend` from the database; returns the number of objects indexed."""
    indexed = 0
    for index, models in group_models_by_index(backend, get_indexed_models()).items():
        rebuilder = backend.rebuilder_class(index) if backend.rebuilder_class else None
        if rebuilder:
            index = rebuilder.start()
        for model in models:
            index.add_model(model)
        for model in models:
            queryset = model.get_indexed_objects().order_by("pk")
            progress = ProgressBar(stdout, queryset.count(), model._meta.label)
            done = 0
            for chunk in chunks(queryset, chunk_size):
                index.add_items(model, chunk)
                done += len(chunk)
                progress.show(done)
            indexed += done
        if rebuilder:
            rebuilder.finish()
    return indexed


def rebuild_elasticsearch(stdout=None, chunk_size=500):
    """Recreate the Elasticsearch index and bulk-index every public page; returns the number indexed."""
    document = es.document_class()
    client = es.connect()
    document._index.delete(using=client, ignore_unavailable=True)
    document.init(using=client)
    pages = public_pages(Page.objects.exclude(depth=1)).order_by("pk")
    progress = ProgressBar(stdout, pages.count(), f"Elasticsearch index {document._index._name}")
    done = 0
    for chunk in chunks(pages, chunk_size):
        bulk(client, actions_for(chunk, document))
        done += len(chunk)
        progress.show(done)
    document._index.refresh(using=client)
    return done
