"""Rebuilding a search backend's indexes, with progress: used by `rebuild_search_index` and the benches."""

from django.utils import timezone
from elasticsearch.helpers import bulk
from modelsearch.index import get_indexed_models
from modelsearch.management.commands.rebuild_modelsearch_index import group_models_by_index
from wagtail.models import Page, PageLogEntry

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
    """Fill a new Elasticsearch index with every public page, then point the alias at it.

    The site reads and writes the alias (SEARCH_ELASTICSEARCH_INDEX). A rebuild fills
    `<alias>-<UTC time>` while searches keep using the old index, moves the alias in one atomic
    call (replacing an old index that had the alias's name itself), deletes the old indexes and
    sends again every page that changed while it ran. Search never goes empty, and a rebuild
    that fails leaves the old index serving. Returns the number of pages indexed."""
    client = es.connect()
    alias = es.document_class()._index._name
    started = timezone.now()
    new_index = f"{alias}-{started:%Y%m%d%H%M%S%f}"
    document = es.document_class(index_name=new_index)
    client.indices.create(index=new_index, **document._index.to_dict())
    try:
        pages = public_pages(Page.objects.exclude(depth=1)).order_by("pk")
        progress = ProgressBar(stdout, pages.count(), f"Elasticsearch index {new_index}")
        done = 0
        for chunk in chunks(pages, chunk_size):
            bulk(client, actions_for(chunk, document))
            done += len(chunk)
            progress.show(done)
        client.indices.refresh(index=new_index)
    except Exception:
        client.indices.delete(index=new_index, ignore_unavailable=True)
        raise
    aliased, alias_is_an_index = indexes_behind(client, alias)
    client.indices.update_aliases(actions=alias_swap(alias, new_index, aliased, alias_is_an_index))
    for old_index in aliased:
        client.indices.delete(index=old_index, ignore_unavailable=True)
    send_changed_since(started, document)
    return done


def indexes_behind(client, alias):
    """(indexes the alias points at, whether an index (not an alias) carries the alias's name)."""
    if client.indices.exists_alias(name=alias):
        return sorted(client.indices.get_alias(name=alias).body), False
    return [], bool(client.indices.exists(index=alias))


def alias_swap(alias, new_index, aliased, alias_is_an_index):
    """The actions that move `alias` to `new_index` in one atomic update."""
    actions = [{"remove_index": {"index": alias}}] if alias_is_an_index else []
    actions += [{"remove": {"index": index, "alias": alias}} for index in aliased]
    return [*actions, {"add": {"index": new_index, "alias": alias}}]


def send_changed_since(started, document):
    """Index or remove the pages published, unpublished, moved or deleted since `started`:
    the signal handlers sent those changes to the old index."""
    changed = set(PageLogEntry.objects.filter(timestamp__gte=started).values_list("page_id", flat=True))
    if not changed:
        return
    pages = list(Page.objects.filter(pk__in=changed))
    gone = changed - {page.pk for page in pages}
    removals = ({"_op_type": "delete", "_index": document._index._name, "_id": pk} for pk in gone)
    actions = [*actions_for(pages, document), *removals]
    bulk(es.connect(), actions, raise_on_error=False, raise_on_exception=False)
