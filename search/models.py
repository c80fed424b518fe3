"""What the embedded engine keeps beside modelsearch's index: each published page's facet values."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageFacet(models.Model):
    """One facet value of a published page: its type, year, region, journal section or course category.

    Written from the page's live version when it is published (search/facets.py) and by
    `rebuild_search_index`, so the search page counts and filters by them in SQL, as Elasticsearch
    does from its documents. Drafts never reach here; unpublished pages keep their rows, and the
    public filter leaves them out of every count.
    """

    class Name(models.TextChoices):
        TYPE = "type", _("Content type")
        YEAR = "year", _("Year")
        REGION = "region", _("Region")
        SECTION = "section", _("Journal section")
        CATEGORY = "category", _("Course category")

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=20, choices=Name.choices)
    value = models.CharField(max_length=255)

    class Meta:
        verbose_name = _("search facet value")
        verbose_name_plural = _("search facet values")
        constraints = [models.UniqueConstraint(fields=["page", "name", "value"], name="unique_page_facet_value")]
        indexes = [models.Index(fields=["name", "value"], name="search_facet_name_value")]

    def __str__(self):
        return f"{self.name}={self.value}"
