"""The lifelong-learning map: places projected onto a boundary-free schematic (or a reviewed base map).

No administrative boundaries are drawn (《地图审核管理规定》: a public map drawing them needs a
review number). The schematic shows only points and city labels placed by their coordinates;
an editor may instead upload a standard map image with its 审图号, and the points are
projected onto it from the bounds configured in CatalogSettings.
"""

from dataclasses import dataclass

from cms.core.models import Region

from .models import CatalogSettings, LearningPlace

WIDTH = 800
HEIGHT = 720


@dataclass
class Point:
    x: float
    y: float


def project(latitude, longitude, settings, width=WIDTH, height=HEIGHT):
    """Equirectangular projection of a coordinate into the map's box (good enough for one province)."""
    x = (longitude - settings.map_west) / (settings.map_east - settings.map_west) * width
    y = (settings.map_north - latitude) / (settings.map_north - settings.map_south) * height
    return Point(round(x, 1), round(y, 1))


def _inside(point, width=WIDTH, height=HEIGHT):
    return 0 <= point.x <= width and 0 <= point.y <= height


def context(params, site):
    settings = CatalogSettings.for_site(site)
    cities = list(Region.objects.filter(level=Region.Level.CITY).order_by("code"))
    city_codes = {city.code: city for city in cities}
    kind = params.get("kind") if params.get("kind") in LearningPlace.Kind.values else None
    city = city_codes.get(params.get("city"))
    places = LearningPlace.objects.select_related("city", "county").order_by("city__code", "name")
    if kind:
        places = places.filter(kind=kind)
    if city:
        places = places.filter(city=city)
    places = list(places)
    markers = []
    for number, place in enumerate(places, start=1):
        point = project(place.latitude, place.longitude, settings)
        if _inside(point):
            markers.append({"number": number, "place": place, "x": point.x, "y": point.y})
    labels = []
    for region in cities:
        if region.latitude is None:
            continue
        point = project(region.latitude, region.longitude, settings)
        if _inside(point):
            labels.append({"city": region, "x_percent": 100 * point.x / WIDTH, "y_percent": 100 * point.y / HEIGHT})
    return {
        "places": places,
        "markers": markers,
        "city_labels": labels,
        "cities": cities,
        "kinds": LearningPlace.Kind.choices,
        "selected_kind": kind,
        "selected_city": city.code if city else None,
        "map_image": settings.map_image if settings.map_image_id and settings.map_review_number else None,
        "map_review_number": settings.map_review_number,
        "width": WIDTH,
        "height": HEIGHT,
    }
