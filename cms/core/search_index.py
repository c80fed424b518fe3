"""Snippets that search finds however they were created.

Wagtail indexes a model on ``save()``; Django's ``bulk_create`` calls neither ``save()`` nor its
signals, so rows created in bulk (the demo's venues, imports) were missing from every chooser's
search. A model whose manager comes from ``IndexedQuerySet`` indexes its bulk-created rows too.
``indexing_deferred`` indexes what a long job saves once at its end.
"""

from contextlib import contextmanager

from django.db import models
from django.db.models.signals import post_save
from modelsearch import index, signal_handlers
from modelsearch.backends import get_search_backends_with_name


class IndexedQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        with_keys = [obj for obj in created if obj.pk is not None]  # SQLite and PostgreSQL return them
        if with_keys:
            for _name, backend in get_search_backends_with_name(with_auto_update=True):
                backend.add_bulk(self.model, with_keys)
        return created


@contextmanager
def indexing_deferred():
    """Within the block, index each saved object once, when the block ends, rather than on every
    save: making a translation saves its page several times (a draft, a revision, publishing),
    and the embedded engine's indexing is most of what a save costs."""
    indexed_models = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    saved = {}

    def note(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[(sender, instance.pk)] = None

    for model in indexed_models:
        post_save.disconnect(signal_handlers.post_save_signal_handler, sender=model)
        post_save.connect(note, sender=model, weak=False)
    try:
        yield
    finally:
        for model in indexed_models:
            post_save.disconnect(note, sender=model)
            post_save.connect(signal_handlers.post_save_signal_handler, sender=model)
    for model, pk in saved:
        instance = model._default_manager.filter(pk=pk).first()
        if instance is not None:
            index.insert_or_update_object(instance)
