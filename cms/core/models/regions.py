"""The shared vocabulary of where things are: Zhejiang's cities and their districts and counties.

Courses, venues, map places and journal cases name their place with these rows (the rows are
loaded by courses 0002 and moved here by courses 0005, table and ids unchanged)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from ..mixins import BilingualNameMixin


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
    def slug(self):
        """The city's key in public URLs (?region=hangzhou): its English name, lowercased."""
        return slugify(self.name_en) if self.level == self.Level.CITY else ""

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
        super().clean()
        if self.county_id and self.city_id and self.county.parent_id != self.city_id:
            raise ValidationError({"county": _("This district or county is not in the chosen city.")})

    @property
    def region_label(self):
        return " · ".join(str(region) for region in (self.city, self.county) if region)
