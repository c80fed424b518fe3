"""The citizens' lifelong-learning map (市民终身学习地图): experience bases and study tours, and map settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from cms.core.models import RegionFieldsMixin

from ..widgets import region_panel


class LearningPlace(RegionFieldsMixin):
    class Kind(models.TextChoices):
        EXPERIENCE_BASE = "base", _("Experience base")
        STUDY_TOUR = "tour", _("Study tour")

    kind = models.CharField(
        pgettext_lazy("place", "kind"), max_length=10, choices=Kind.choices, default=Kind.EXPERIENCE_BASE
    )
    name = models.CharField(_("name"), max_length=200, unique=True)
    theme = models.CharField(_("theme"), max_length=100, blank=True, help_text=_("E.g. 非遗传承, 农耕文化."))
    description = models.TextField(pgettext_lazy("introduction", "description"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("theme")]),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("address"),
        region_panel(),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("website"),
    ]

    class Meta:
        verbose_name = _("learning-map place")
        verbose_name_plural = _("learning-map places")
        ordering = ["city__code", "name"]

    def __str__(self):
        return self.name


@register_setting(icon="site")
class CatalogSettings(BaseSiteSetting):
    """Yearly targets for the progress view, and the optional reviewed base map for the learning map."""

    activity_target = models.PositiveIntegerField(_("activities per year (target)"), default=10_000)
    course_target = models.PositiveIntegerField(_("courses per year (target)"), default=100)
    map_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("base map image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A standard map from the map service, used unchanged; leave empty for the schematic."),
    )
    map_review_number = models.CharField(
        _("map review number (审图号)"),
        max_length=100,
        blank=True,
        help_text=_("E.g. 浙S(2023)12号; shown under the map."),
    )
    map_west = models.FloatField(_("west longitude"), default=118.0)
    map_east = models.FloatField(_("east longitude"), default=123.0)
    map_south = models.FloatField(_("south latitude"), default=27.0)
    map_north = models.FloatField(_("north latitude"), default=31.2)

    panels = [
        MultiFieldPanel([FieldPanel("activity_target"), FieldPanel("course_target")], heading=_("Targets")),
        MultiFieldPanel(
            [
                FieldPanel("map_image"),
                FieldPanel("map_review_number"),
                FieldRowPanel([FieldPanel("map_west"), FieldPanel("map_east")]),
                FieldRowPanel([FieldPanel("map_south"), FieldPanel("map_north")]),
            ],
            heading=_("Learning map"),
        ),
    ]

    class Meta:
        verbose_name = _("course catalog settings")

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.map_image_id and not self.map_review_number.strip():
            raise ValidationError({"map_review_number": _("A published map image needs its review number (审图号).")})
        if self.map_west >= self.map_east or self.map_south >= self.map_north:
            raise ValidationError(_("The map bounds are inverted."))
