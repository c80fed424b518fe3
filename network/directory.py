"""The directory listing: organisations filtered by type and region through GET links, paginated,
in a fixed number of queries whatever the page holds."""

from django.db.models import Count
from django.http import QueryDict

from cms.core.pagination import paginate

from .models.regions import in_region, region_model


class Directory:
    def __init__(self, index, params, kinds):
        self.index = index
        self.kinds = dict(kinds)
        self.params = params
        self.kind = params.get("type", "")
        self.region_code = params.get("region", "")

    def build(self, request):
        kinds = self.kinds
        all_organisations = self.index.organisations()
        cities = list(region_model().objects.filter(parent__isnull=True).order_by("code"))
        region = next((city for city in cities if city.code == self.region_code), None)
        if region is None and self.region_code:
            region = region_model().objects.filter(code=self.region_code).select_related("parent").first()
        organisations = all_organisations
        if self.kind in kinds:
            organisations = organisations.filter(kind=self.kind)
        if region is not None:
            organisations = organisations.filter(in_region(region))
        organisations = organisations.select_related("region__parent").order_by("kind", "title")
        page = paginate(request, organisations, self.index.per_page)
        kind_counts = dict(
            (all_organisations.filter(in_region(region)) if region else all_organisations)
            .order_by()
            .values_list("kind")
            .annotate(total=Count("id"))
        )
        return {
            "page": page,
            "kinds": [
                {
                    "label": label,
                    "count": kind_counts.get(value, 0),
                    "url": self._url(type=value),
                    "selected": value == self.kind,
                }
                for value, label in kinds.items()
            ],
            "regions": [
                {
                    "label": str(city),
                    "url": self._url(region=city.code),
                    "selected": region is not None and city.pk == region.pk,
                }
                for city in cities
            ],
            "filtered": self.kind in kinds or region is not None,
            "clear_url": "?",
            "kind_label": kinds.get(self.kind, ""),
            "region": region,
        }

    def _url(self, **change):
        """The listing with one filter changed; choosing the selected option again removes it."""
        query = QueryDict(mutable=True)
        current = {"type": self.kind, "region": self.region_code}
        for name, value in current.items():
            if name in change:
                value = "" if change[name] == value else change[name]
            if value:
                query[name] = value
        return "?" + query.urlencode()
