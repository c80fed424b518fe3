"""What purges the page cache: any saved or deleted row, except bookkeeping nobody sees.

Listing the changes that purge would go stale the day someone adds a model and forgets it; so
every model purges (pages, snippets, menus, settings, activities, sign-ups, comments, images,
documents…) unless it is named here or by an app's `register_page_cache_ignored_models` hook:
rows visitors never see, and rows written while a page is being served (renditions, embeds,
search hits, view counts), which would otherwise empty the cache on every visit.
Forgetting an exception costs hits, never correctness.

The same purge renews the fragment caches (menus, the centre's name; cms/core/fragment_cache.py),
so it runs whenever either cache is on.

The purge runs after the transaction commits: purging before would let a visitor re-cache the
old content in between. Code that writes without signals (bulk_create, update()) calls
`purge_after_commit()` itself.
"""

import functools

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import fragment_cache, page_cache

IGNORED_MODELS = (
    "sessions.Session",
    "contenttypes.ContentType",
    "auth.Permission",
    "axes.AccessAttempt",
    "axes.AccessAttemptExpiration",
    "axes.AccessFailureLog",
    "axes.AccessLog",
    "wagtailusers.UserProfile",
    "wagtailadmin.Admin",
    "wagtailadmin.EditingSession",
    "wagtailadmin.FormState",
    "wagtailcore.Revision",  # a draft; publishing it saves the page
    "wagtailcore.ModelLogEntry",
    "wagtailcore.PageLogEntry",
    "wagtailcore.WorkflowState",
    "wagtailcore.TaskState",
    "wagtailcore.Comment",  # editors' comments in the admin
    "wagtailcore.CommentReply",
    "wagtailcore.PageSubscription",
    "wagtailcore.ReferenceIndex",
    "wagtailcore.UploadedFile",
    "wagtailforms.FormSubmission",
    "wagtailimages.Rendition",  # made while a page renders
    "wagtailembeds.Embed",  # fetched while a page renders
    "wagtailsearch.IndexEntry",
    "wagtailsearch.SQLiteFTSIndexEntry",
    "wagtailsearchpromotions.Query",  # search hits, counted while results are served
    "wagtailsearchpromotions.QueryDailyHits",
    # wagtail-localize's working copies; publishing a translation saves the page.
    "wagtail_localize.TranslationSource",
    "wagtail_localize.Translation",
    "wagtail_localize.TranslationLog",
    "wagtail_localize.String",
    "wagtail_localize.TranslationContext",
    "wagtail_localize.StringTranslation",
    "wagtail_localize.Template",
    "wagtail_localize.SegmentOverride",
    "wagtail_localize.StringSegment",
    "wagtail_localize.TemplateSegment",
    "wagtail_localize.RelatedObjectSegment",
    "wagtail_localize.OverridableSegment",
)


@functools.cache
def ignored_models():
    labels = set(IGNORED_MODELS)
    for hook in hooks.get_hooks("register_page_cache_ignored_models"):
        labels.update(model if isinstance(model, str) else model._meta.label for model in hook())
    return frozenset(apps.get_model(label) for label in labels if _installed(label))


def _installed(label):
    try:
        apps.get_model(label)
    except LookupError:
        return False
    return True


class _PendingPurge:
    """One purge for all the rows a transaction writes (an import writes thousands): each change
    adds a callback, as Django's on_commit wants, and the first one to run purges for all."""

    def __init__(self, hooks):
        self.hooks = hooks  # the connection's on-commit list; Django starts a new one per transaction
        self.done = False

    def run(self):
        if not self.done:
            self.done = True
            purge_now()


def purge_now():
    page_cache.purge()  # its generation keys the fragment caches too
    if page_cache.lifetime() and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        purge_front_cache()


def purge_front_cache():
    """Purge every live page from the declared front cache (in a task, as Wagtail does): menus,
    settings and snippets show on any page, so a site-wide change cannot name fewer."""
    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().public())
    batch.purge()


def purge_after_commit():
    """Purge the page cache once the current transaction commits (at once outside one). With
    the page cache off the generation still moves on, for the fragment caches that it keys."""
    if not page_cache.lifetime() and not fragment_cache.lifetime():
        return
    connection = transaction.get_connection()
    pending = getattr(connection, "page_cache_pending_purge", None)
    if pending is None or pending.done or pending.hooks is not connection.run_on_commit:
        pending = connection.page_cache_pending_purge = _PendingPurge(connection.run_on_commit)
    transaction.on_commit(pending.run)


def _model_changed(sender, **kwargs):
    if kwargs.get("raw") or kwargs.get("action", "post_").startswith("pre_") or sender in ignored_models():
        return
    purge_after_commit()


def _page_changed(sender, **kwargs):
    purge_after_commit()


def connect():
    post_save.connect(_model_changed, dispatch_uid="page_cache_post_save")
    post_delete.connect(_model_changed, dispatch_uid="page_cache_post_delete")
    m2m_changed.connect(_model_changed, dispatch_uid="page_cache_m2m_changed")
    # A move rewrites tree paths without saving the page; publishing and unpublishing do save it,
    # but are named here too since they are what editors mean by "changed".
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_page_changed, dispatch_uid=f"page_cache_{id(signal)}")
