"""What the course catalog and the activity list read alike from a GET query: trimmed values,
and a city with, optionally, one of its districts or counties."""

from cms.core.models import Region


class RegionParamsMixin:
    """Needs ``self.params`` (a QueryDict or dict); ``_load_regions()`` before parsing."""

    def _load_regions(self):
        regions = list(Region.objects.all())
        self.cities = {r.code: r for r in regions if r.level == Region.Level.CITY}
        self.counties = {r.code: r for r in regions if r.level == Region.Level.COUNTY}

    def _value(self, name):
        value = self.params.get(name, "")
        return value.strip() if isinstance(value, str) else ""

    def _region_filters(self):
        """``{"city": code, "county": code}`` for a known city and a county inside it; unknown or
        mismatched values are ignored, as a bookmarked link may outlive a region's code."""
        filters = {}
        city = self._value("city")
        if city in self.cities:
            filters["city"] = city
            county = self.counties.get(self._value("county"))
            if county and county.parent_id == self.cities[city].pk:
                filters["county"] = county.code
        return filters
