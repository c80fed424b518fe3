"""Snippets that search finds however they were created.

Wagtail indexes a model on ``save()``; Django's ``bulk_create`` calls neither ``save()`` nor its
signals, so rows created in bulk (the demo's venues, imports) were missing from every chooser's
search. A model whose manager comes from ``IndexedQuerySet`` indexes its bulk-created rows too.
"""

from django.db import models
from modelsearch.backends import get_search_backends_with_name


class IndexedQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        with_keys = [obj for obj in created if obj.pk is not None]  # SQLite and PostgreSQL return them
        if with_keys:
            for _name, backend in get_search_backends_with_name(with_auto_update=True):
                backend.add_bulk(self.model, with_keys)
        return created
