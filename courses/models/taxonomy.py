"""Editable vocabularies the catalog filters by: categories, audiences, providers, instructors (regions
are the shared library's, cms.core)."""

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.models import Region
from cms.core.search_index import IndexedQuerySet


class TranslatableVocabulary(TranslatableMixin, models.Model):
    """A term the catalog filters by, translated with wagtail-localize like pages: one row per language
    with a shared translation key. Courses point at the row in the source language (Chinese); the slug,
    which filter links carry, and the order are the same in every language."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"))
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    override_translatable_fields = [
        SynchronizedField("slug", overridable=False),
        SynchronizedField("sort_order", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @cached_property
    def label(self):
        """The name in the reader's language; lists fill it for all their terms at once (with_labels)."""
        return self.localized.name


class Category(TranslatableVocabulary):
    class Meta(TranslatableVocabulary.Meta):
        verbose_name = _("course category")
        verbose_name_plural = _("course categories")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="courses_unique_category_slug")]


class Audience(TranslatableVocabulary):
    class Meta(TranslatableVocabulary.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="courses_unique_audience_slug")]


def with_labels(terms):
    """Give every term its ``label`` in the active language with one query per vocabulary, not one per
    term; returns the terms as a list."""
    terms = [term for term in terms if term is not None]
    language = _active_content_language()
    for model in {type(term) for term in terms}:
        keys = {term.translation_key for term in terms if type(term) is model}
        translations = model.objects.filter(locale__language_code=language, translation_key__in=keys)
        names = dict(translations.values_list("translation_key", "name"))
        for term in terms:
            if type(term) is model:
                term.__dict__["label"] = names.get(term.translation_key, term.name)
    return terms


def _active_content_language():
    try:
        return get_supported_content_language_variant(get_language() or settings.LANGUAGE_CODE)
    except LookupError:  # an interface language with no content in it: the source language's names
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def in_source_language():
    """The terms in the source language, the rows courses point at (a ``limit_choices_to``)."""
    return models.Q(locale__language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))


def source_terms(model):
    """The terms in the source language, in their order."""
    return model.objects.filter(in_source_language())


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
