"""An issue dates its articles: when a published issue changes, its articles' search facets and
documents follow (their copy of its year and date changed in IssuePage.save)."""

from django.dispatch import receiver
from wagtail.signals import page_published

from search import facets, sync

from .models import ArticlePage, IssuePage


@receiver(page_published)
def on_issue_published(sender, instance, **kwargs):
    if isinstance(instance, IssuePage):
        articles = list(ArticlePage.objects.child_of(instance).live().specific())
        if articles:
            facets.store(articles)
            sync.update_pages(articles)
