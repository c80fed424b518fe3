"""The public list of learning activities, filtered by region, month and availability (GET only)."""

import contextlib
import datetime

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core.query_values import whole_number

from .calendar import month_bounds
from .models.activities import LearningActivity
from .query_params import RegionParamsMixin

AVAILABILITY = {
    "current": _("Running now"),
    "soon": _("Starting soon"),
    "upcoming": _("Announced"),
    "past": _("Archived"),
}


class ActivityFilter(RegionParamsMixin):
    def __init__(self, params, now=None):
        self.params = params
        self.now = now or timezone.now()
        self._load_regions()
        self.filters = self._parse()

    def _parse(self):
        filters = self._region_filters()
        month = self._value("month")
        with contextlib.suppress(ValueError):
            filters["month"] = datetime.datetime.strptime(month, "%Y-%m").date()
        if self._value("availability") in AVAILABILITY:
            filters["availability"] = self._value("availability")
        course = self._value("course")
        if (course_id := whole_number(course, minimum=1)) is not None:
            filters["course"] = course_id
        return filters

    def base(self):
        return LearningActivity.objects.public()

    def filtered(self, skip=()):
        queryset = self.base()
        filters = self.filters
        if "city" in filters and "city" not in skip:
            queryset = queryset.filter(venue__city=self.cities[filters["city"]])
            if "county" in filters and "county" not in skip:
                queryset = queryset.filter(venue__county=self.counties[filters["county"]])
        if "month" in filters and "month" not in skip:
            start, end = month_bounds(filters["month"].year, filters["month"].month)
            queryset = queryset.filter(start__gte=start, start__lt=end)
        if "availability" in filters and "availability" not in skip:
            queryset = queryset.availability(filters["availability"], self.now)
        if "course" in filters:
            queryset = queryset.filter(course_id=filters["course"])
        return queryset

    def results(self):
        order = ("-start", "-pk") if self.filters.get("availability") == "past" else ("start", "pk")
        return self.filtered().select_related("venue", "venue__city", "venue__county", "course").order_by(*order)

    # Each facet's rows are (value, count, selected, query): the query keeps the other filters,
    # so choosing a city does not drop the availability or month already chosen.
    def city_counts(self):
        counts = dict(self.filtered(skip=("city",)).values_list("venue__city__code").annotate(n=Count("pk")).order_by())
        return [
            (city, counts.get(code, 0), code == self.filters.get("city"), self.query_string(city=code, county=None))
            for code, city in self.cities.items()
        ]

    def county_counts(self):
        """The selected city's districts and counties with their activity counts (empty without a city)."""
        city = self.cities.get(self.filters.get("city"))
        if city is None:
            return []
        rows = self.filtered(skip=("county",)).values_list("venue__county__code").annotate(n=Count("pk")).order_by()
        counts = dict(rows)
        return [
            (county, counts.get(code, 0), code == self.filters.get("county"), self.query_string(county=code))
            for code, county in self.counties.items()
            if county.parent_id == city.pk
        ]

    def month_counts(self):
        rows = (
            self.filtered(skip=("month",))
            .annotate(month=TruncMonth("start"))
            .values_list("month")
            .annotate(n=Count("pk"))
            .order_by("month")
        )
        selected = self.filters.get("month")
        result = []
        for month, count in rows:
            month = month.date() if isinstance(month, datetime.datetime) else month
            query = self.query_string(month=month.strftime("%Y-%m"))
            result.append((month, count, selected is not None and month == selected, query))
        return result

    def query_string(self, **changes):
        params = self.params.copy()
        params.pop("page", None)
        for key, value in changes.items():
            params.pop(key, None)
            if value is not None:
                params[key] = str(value)
        return params.urlencode()
