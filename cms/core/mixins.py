"""Abstract mixins that share fields, with their own panels, across page types and snippets."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class ListingFieldsMixin(models.Model):
    """What a page looks like when another page lists it (cards, search results, feeds)."""

    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when this page is listed elsewhere; the main image is used if empty."),
    )
    listing_summary = models.TextField(
        _("listing summary"),
        blank=True,
        help_text=_("One or two sentences shown in lists and search results."),
    )

    listing_panels = [
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("listing_summary")],
            heading=_("Listing"),
        )
    ]

    class Meta:
        abstract = True

    def get_listing_summary(self):
        return self.listing_summary or getattr(self, "introduction", "") or ""

    def get_listing_image(self):
        return self.listing_image or getattr(self, "image", None)


class BilingualNameMixin(models.Model):
    """A Chinese name with an optional English one, shown in the reader's language."""

    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.label

    @property
    def label(self):
        return (get_language() == "en" and self.name_en) or self.name
