"""Admin widgets of the catalog: choosers for a city and for a county of the chosen city
(the chooser views are in region_chooser.py)."""

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.widgets import AdminSnippetChooser

from cms.core.models import Region


class RegionChooser(AdminSnippetChooser):
    """A chooser for a city (``level="city"``) or a county; a county chooser given
    ``linked_fields={"parent": "#id_city"}`` lists the counties of the city chosen in that field."""

    def __init__(self, level, **kwargs):
        self.level = level
        super().__init__(Region, **kwargs)

    def get_chooser_modal_url(self):
        return f"{super().get_chooser_modal_url()}?level={self.level}"


def city_chooser():
    return RegionChooser(Region.Level.CITY)


def county_chooser():
    return RegionChooser(Region.Level.COUNTY, linked_fields={"parent": "#id_city"})


def region_panel():
    """The city and county fields side by side, each with its chooser."""
    return FieldRowPanel([FieldPanel("city", widget=city_chooser()), FieldPanel("county", widget=county_chooser())])
