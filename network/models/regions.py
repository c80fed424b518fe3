"""The shared region vocabulary (a city of Zhejiang or one of its districts and counties, the site
library's core.Region): one region field per organisation or person, and the path form imports use."""

from django.apps import apps
from django.db.models import Q

REGION_MODEL = "core.Region"


def region_model():
    return apps.get_model(REGION_MODEL)


def in_region(region, field="region"):
    """A filter for things in ``region``: itself, or for a city any of its districts and counties."""
    return Q(**{field: region}) | Q(**{f"{field}__parent": region})


def region_path(region):
    """ "杭州市/西湖区" or "杭州市", the form imports read and exports write."""
    if region is None:
        return ""
    return f"{region.parent.name}/{region.name}" if region.parent_id else region.name


def parse_region(text, regions):
    """The region "杭州市/西湖区" or "杭州市" names among ``regions``; None when unknown."""
    parts = [part.strip() for part in (text or "").split("/") if part.strip()]
    if not 1 <= len(parts) <= 2:
        return None
    city = next((r for r in regions if r.parent_id is None and r.name == parts[0]), None)
    if city is None or len(parts) == 1:
        return city
    return next((r for r in regions if r.parent_id == city.pk and r.name == parts[1]), None)
