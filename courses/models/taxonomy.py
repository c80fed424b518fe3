"""Editable vocabularies the catalog filters by: categories, audiences, providers, instructors (regions
are the shared library's, cms.core)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from cms.core.mixins import BilingualNameMixin
from cms.core.models import Region
from cms.core.search_index import IndexedQuerySet


class Category(BilingualNameMixin):
    slug = models.SlugField(_("slug"), unique=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = _("course category")
        verbose_name_plural = _("course categories")
        ordering = ["sort_order", "name"]


class Audience(BilingualNameMixin):
    slug = models.SlugField(_("slug"), unique=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        ordering = ["sort_order", "name"]


class Provider(index.Indexed, models.Model):
    """The institution that builds and runs a course, e.g. a community college."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    city = models.ForeignKey(
        Region,
        verbose_name=_("city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"level": "city"},
    )
    website = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("city"), FieldPanel("website")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    objects = IndexedQuerySet.as_manager()  # indexed on bulk creation too

    class Meta:
        verbose_name = _("provider")
        verbose_name_plural = _("providers")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Instructor(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=100)
    job_title = models.CharField(
        _("professional title"), max_length=100, blank=True, help_text=_("E.g. 副教授 or 高级讲师.")
    )
    institution = models.CharField(_("institution"), max_length=200, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A portrait, at least 400 pixels wide."),
    )
    bio = models.TextField(_("biography"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("job_title"),
        FieldPanel("institution"),
        FieldPanel("photo"),
        FieldPanel("bio"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("institution"), index.AutocompleteField("name")]
    objects = IndexedQuerySet.as_manager()  # indexed on bulk creation too

    class Meta:
        verbose_name = _("instructor")
        verbose_name_plural = _("instructors")
        ordering = ["name"]

    def __str__(self):
        return self.name
