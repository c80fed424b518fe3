"""What the embedded engine keeps beside modelsearch's index: each published page's facet values."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from search.registry import facet_choices


class PageFacet(models.Model):
    """One facet value of a published page: its type, its year, or a value of a facet an app
    declared (search/registry.py), such as a region, a course category or an article's author.

    Written from the page's live version when it is published (search/facets.py) and by
    `rebuild_search_index`, so the search page counts and filters by them in SQL, as Elasticsearch
    does from its documents. Drafts never reach here; unpublished pages keep their rows, and the
    public filter leaves them out of every count.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=20, choices=facet_choices)
    value = models.CharField(max_length=255)

    class Meta:
        verbose_name = _("search facet value")
        verbose_name_plural = _("search facet values")
        constraints = [models.UniqueConstraint(fields=["page", "name", "value"], name="unique_page_facet_value")]
        indexes = [models.Index(fields=["name", "value"], name="search_facet_name_value")]

    def __str__(self):
        return f"{self.name}={self.value}"
