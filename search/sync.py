"""Keep the Elasticsearch index in step with what the public may see.

Publish, unpublish, delete, move, privacy change and translation all end here: each affected page
is indexed if public and removed otherwise. The embedded engine needs none of this: Wagtail's own
signal handlers update its index on save, and the public filter is applied when searching.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from elasticsearch.helpers import bulk
from modelsearch import index
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.documents import document_fields, public_pages
from search.engines import elasticsearch as es

logger = logging.getLogger(__name__)


def actions_for(pages, document=None):
    """Bulk actions: an index action for each public page, a delete for each other one."""
    document = document or es.document_class()
    index_name = document._index._name
    public_ids = set(public_pages(Page.objects.filter(pk__in=[page.pk for page in pages])).values_list("pk", flat=True))
    for page in pages:
        if page.pk in public_ids:
            specific = page.specific
            yield document.from_fields(page.pk, document_fields(specific)).to_dict(include_meta=True)
        else:
            yield {"_op_type": "delete", "_index": index_name, "_id": page.pk}


def send(actions):
    """Send bulk actions; a missing document on delete is not an error."""
    actions = list(actions)
    if actions:
        bulk(es.connect(), actions, raise_on_error=False, raise_on_exception=False)
    return actions


def update_pages(pages):
    if not es.configured():
        return
    pages = list(pages)
    transaction.on_commit(lambda: _send_safely(pages))


def reindex(pages):
    """Index these pages again in every engine, after what their index holds changed without
    the page being saved (an article's PDF galley was read)."""
    pages = list(pages)
    for page in pages:
        index.insert_or_update_object(page)
    update_pages(pages)


def _send_safely(pages):
    try:
        send(actions_for(pages))
    except Exception:  # the site must keep publishing when the search cluster is down
        logger.exception("Could not update the search index for %d pages", len(pages))


def subtree(page):
    return Page.objects.descendant_of(page, inclusive=True)


def on_publish_or_unpublish(sender, instance, **kwargs):
    # A new translation takes its original's place in the translation's language (search_locales).
    originals = instance.get_translations() if getattr(instance, "search_other_languages", ()) else []
    update_pages([instance, *originals])


def on_move(sender, instance, **kwargs):
    update_pages(subtree(instance))  # URLs of the whole subtree changed


def on_privacy_change(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:  # None when the restriction goes because its page was deleted
        update_pages(subtree(page))


def on_delete(sender, instance, **kwargs):
    if es.configured():
        index_name = es.document_class()._index._name
        transaction.on_commit(lambda: send([{"_op_type": "delete", "_index": index_name, "_id": instance.pk}]))


def connect_signals():
    page_published.connect(on_publish_or_unpublish, dispatch_uid="search-published")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="search-unpublished")
    post_page_move.connect(on_move, dispatch_uid="search-moved")
    post_save.connect(on_privacy_change, sender=PageViewRestriction, dispatch_uid="search-privacy-saved")
    post_delete.connect(on_privacy_change, sender=PageViewRestriction, dispatch_uid="search-privacy-deleted")
    post_delete.connect(on_delete, sender=Page, dispatch_uid="search-deleted")
