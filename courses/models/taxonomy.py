"""Editable vocabularies the catalog filters by: regions, categories, audiences, providers, instructors."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from cms.core.search_index import IndexedQuerySet


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


class Region(BilingualNameMixin):
    """A city of Zhejiang or one of its districts/counties; loaded by a data migration."""

    class Level(models.TextChoices):
        CITY = "city", _("City")
        COUNTY = "county", _("District or county")

    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("city"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        limit_choices_to={"level": "city"},
    )
    code = models.CharField(
        _("code"),
        max_length=12,
        unique=True,
        help_text=_("A stable key: the city's four-digit division code, then two digits for a district or county."),
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("level"),
        FieldPanel("parent"),
        FieldPanel("code"),
        FieldPanel("latitude"),
        FieldPanel("longitude"),
    ]

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["code"]

    @property
    def city(self):
        return self if self.level == self.Level.CITY else self.parent

    @classmethod
    def parse(cls, text, regions=None):
        """The (city, county) named by '杭州市/西湖区' or '杭州市'; None when unknown."""
        parts = [part.strip() for part in (text or "").split("/") if part.strip()]
        if not 1 <= len(parts) <= 2:
            return None
        regions = regions if regions is not None else list(cls.objects.all())
        city = next((r for r in regions if r.level == cls.Level.CITY and r.name == parts[0]), None)
        if city is None:
            return None
        if len(parts) == 1:
            return city, None
        county = next((r for r in regions if r.parent_id == city.pk and r.name == parts[1]), None)
        return (city, county) if county else None


class RegionFieldsMixin(models.Model):
    """Where something is in Zhejiang: a city, and optionally one of its districts or counties."""

    city = models.ForeignKey(
        Region,
        verbose_name=_("city"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": Region.Level.CITY},
    )
    county = models.ForeignKey(
        Region,
        verbose_name=_("district or county"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": Region.Level.COUNTY},
    )

    class Meta:
        abstract = True

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.county_id and self.city_id and self.county.parent_id != self.city_id:
            raise ValidationError({"county": _("This district or county is not in the chosen city.")})

    @property
    def region_label(self):
        return " · ".join(str(region) for region in (self.city, self.county) if region)


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
    job_title = models.CharField(_("title"), max_length=100, blank=True, help_text=_("E.g. 副教授 or 高级讲师."))
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
