"""Keep an OAI-PMH tombstone when an article stops being public (unpublished or deleted)."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import timezone
from wagtail.signals import page_published, page_unpublished

from .models import ArticlePage, IssuePage, JournalPage, OAITombstone
from .oai import article_set_specs


def set_specs(article):
    issue, journal = article.issue_and_journal()
    # Padded with spaces so a set filter can match whole names (issue-1 is not issue-12).
    return " " + " ".join(article_set_specs(article.section_id, issue and issue.pk, journal and journal.pk)) + " "


def bury(article):
    """Record that ``article`` was public and is not any more."""
    if article.first_published_at is None:
        return  # never published, so no harvester ever saw it
    OAITombstone.objects.update_or_create(
        article_id=article.pk, defaults={"datestamp": timezone.now(), "set_specs": set_specs(article)}
    )


@receiver(page_unpublished)
def on_unpublished(sender, instance, **kwargs):
    if isinstance(instance, ArticlePage):
        bury(instance)
    elif isinstance(instance, IssuePage | JournalPage):
        # Its live articles stop being public with it, whether or not they were unpublished too.
        for article in ArticlePage.objects.descendant_of(instance).filter(first_published_at__isnull=False):
            bury(article)


@receiver(pre_delete)
def on_deleted(sender, instance, **kwargs):
    if isinstance(instance, ArticlePage) and instance.live:
        bury(instance)


@receiver(page_published)
def on_published(sender, instance, **kwargs):
    if isinstance(instance, ArticlePage | IssuePage | JournalPage):
        public = ArticlePage.objects.descendant_of(instance, inclusive=True).visible().values("pk")
        OAITombstone.objects.filter(article_id__in=public).delete()
