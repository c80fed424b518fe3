"""Filtering, facet counts and sorting of the course catalog, from a GET query string.

Every filter is a plain query-string parameter, so a filtered catalog is a bookmarkable
link that works without JavaScript. Unknown or malformed values are ignored, never an error.
Each facet counts the courses matching every *other* active filter, so its numbers say how
many courses a click on that value would show. The number of queries is fixed: one per
facet, plus the vocabularies, plus the page of results.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Subquery
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from cms.core.pagination import paginate
from cms.core.query_values import whole_number

from .activity_list import AVAILABILITY
from .models.activities import LearningActivity
from .models.taxonomy import Audience, Category, source_terms, with_labels
from .query_params import RegionParamsMixin

# Every rendition a card's {% picture %} asks for (course_index_page.html). Wagtail trusts prefetched
# renditions to be complete: one left out here is encoded again (AVIF included) on every request.
CARD_RENDITIONS = Filter.expand_spec("format-{avif,webp,jpeg}|fill-{320x180,480x270,960x540}")

SORTS = {
    "newest": (_("Newest"), ["-year", "-first_published_at", "-pk"]),
    "title": (_("Title"), ["title", "pk"]),
    "hours": (_("Hours"), ["-hours", "title", "pk"]),
    "soonest": (_("Soonest start"), [F("next_start").asc(nulls_last=True), "title", "pk"]),
}
# (parameter, label) in display order
FACETS = [
    ("category", _("Category")),
    ("audience", _("Audience")),
    ("city", _("City")),
    ("county", _("District or county")),
    ("year", _("Year")),
    ("mode", _("Delivery mode")),
    ("tag", _("Tag")),
    ("availability", _("Availability")),
]


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Facet:
    param: str
    label: str
    options: list = field(default_factory=list)

    @property
    def selected(self):
        return [option for option in self.options if option.selected]


def _activities():
    return (
        LearningActivity.objects.public()
        .exclude(status=LearningActivity.Status.CANCELLED)
        .filter(course__translation_key=OuterRef("translation_key"))  # runs are shared by translations
    )


def availability_q(state, now, runs=None):
    """Courses with a run in the given state (current, soon, upcoming) or only past runs (past)."""
    runs = runs if runs is not None else _activities()
    if state == "past":
        return Exists(runs) & ~Exists(runs.filter(end__gte=now))
    return Exists(runs.availability(state, now))


class Catalog(RegionParamsMixin):
    def __init__(self, index, params, now=None):
        """``index``: the catalog page; ``params``: the request's GET QueryDict, or a plain dict
        (tests, other callers)."""
        self.index = index
        if isinstance(params, QueryDict):
            self.params = params
        else:
            self.params = QueryDict(mutable=True)
            self.params.update(params or {})
        self.now = now or timezone.now()
        # Built once: public() looks up view restrictions each time it is called.
        self._base = index.courses()
        self._course = self._base.model
        self._runs = _activities()
        self._load_vocabularies()
        self.filters = self._parse()

    # -- vocabularies and parsing ---------------------------------------------------------------
    def _load_vocabularies(self):
        # Courses in every language point at the terms in the source language, labelled here in the reader's.
        self.categories = {c.slug: c for c in with_labels(source_terms(Category))}
        self.audiences = {a.slug: a for a in with_labels(source_terms(Audience))}
        self._load_regions()

    def _parse(self):
        filters = {}
        if self._value("category") in self.categories:
            filters["category"] = self._value("category")
        if self._value("audience") in self.audiences:
            filters["audience"] = self._value("audience")
        filters.update(self._region_filters())
        year = whole_number(self._value("year"), minimum=1901, maximum=2199)
        if year is not None:
            filters["year"] = year
        if self._value("mode") in self._course.Mode.values:
            filters["mode"] = self._value("mode")
        if self._value("tag") and len(self._value("tag")) <= 100:
            filters["tag"] = self._value("tag")
        if self._value("availability") in AVAILABILITY:
            filters["availability"] = self._value("availability")
        self.sort = self._value("sort") if self._value("sort") in SORTS else "newest"
        return filters

    # -- querysets -------------------------------------------------------------------------------
    def base_queryset(self):
        return self._base.all()

    def _condition(self, name, value):
        if name == "category":
            return Q(category=self.categories[value])
        if name == "audience":
            return Q(
                pk__in=self._course.audiences.through.objects.filter(audience=self.audiences[value]).values(
                    "coursepage_id"
                )
            )
        if name == "city":
            return Q(city=self.cities[value])
        if name == "county":
            return Q(county=self.counties[value])
        if name == "year":
            return Q(year=value)
        if name == "mode":
            return Q(mode=value)
        if name == "tag":
            return Q(tags__name=value)
        if name == "availability":
            return availability_q(value, self.now, self._runs)
        raise KeyError(name)

    def filtered(self, skip=None):
        queryset = self.base_queryset()
        for name, value in self.filters.items():
            if name == skip or (skip == "city" and name == "county"):
                continue
            queryset = queryset.filter(self._condition(name, value))
        return queryset

    def results(self):
        queryset = self.filtered()
        if self.sort == "soonest":
            upcoming = self._runs.filter(end__gte=self.now).order_by("start").values("start")[:1]
            queryset = queryset.annotate(next_start=Subquery(upcoming))
        images = get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS)
        return (
            queryset.select_related("category", "city", "county", "provider")
            .prefetch_related(Prefetch("image", queryset=images))
            .order_by(*SORTS[self.sort][1])
        )

    # -- facets ----------------------------------------------------------------------------------
    def _counts(self, name):
        queryset = self.filtered(skip=name)
        if name == "audience":
            rows = self._course.audiences.through.objects.filter(coursepage__in=queryset.values("pk"))
            return dict(rows.values_list("audience__slug").annotate(n=Count("coursepage_id")))
        if name == "tag":
            rows = queryset.values_list("tags__name").annotate(n=Count("pk")).filter(tags__name__isnull=False)
            return dict(rows.order_by("-n", "tags__name")[:30])
        if name == "availability":
            aggregates = {
                state: Count("pk", filter=availability_q(state, self.now, self._runs)) for state in AVAILABILITY
            }
            return queryset.aggregate(**aggregates)
        column = {
            "category": "category__slug",
            "city": "city__code",
            "county": "county__code",
            "year": "year",
            "mode": "mode",
        }
        return dict(queryset.values_list(column[name]).annotate(n=Count("pk")).order_by())

    def _choices(self, name, counts):
        if name == "category":
            return [(slug, c.label) for slug, c in self.categories.items()]
        if name == "audience":
            return [(slug, a.label) for slug, a in self.audiences.items()]
        if name == "city":
            return [(code, c.label) for code, c in self.cities.items()]
        if name == "county":
            city = self.cities.get(self.filters.get("city"))
            return [(code, c.label) for code, c in self.counties.items() if city and c.parent_id == city.pk]
        if name == "year":
            return [(year, str(year)) for year in sorted(counts, reverse=True)]
        if name == "mode":
            return list(self._course.Mode.choices)
        if name == "tag":
            return [(tag, tag) for tag in counts]
        if name == "availability":
            return list(AVAILABILITY.items())
        raise KeyError(name)

    def url_with(self, **changes):
        """This catalog's query string with some parameters changed (None removes one); page reset."""
        params = self.params.copy()
        params.pop("page", None)
        for key, value in changes.items():
            params.pop(key, None)
            if value is not None:
                params[key] = str(value)
        query = params.urlencode()
        return f"?{query}" if query else "?"

    def facets(self):
        facets = []
        for name, label in FACETS:
            if name == "county" and "city" not in self.filters:
                continue
            counts = self._counts(name)
            facet = Facet(param=name, label=label)
            for value, option_label in self._choices(name, counts):
                count = counts.get(value, 0) or 0
                selected = self.filters.get(name) == value
                if not count and not selected:
                    continue
                removal = {name: None, "county": None} if name == "city" else {name: None}
                additions = {name: value, "county": None} if name == "city" else {name: value}
                url = self.url_with(**(removal if selected else additions))
                facet.options.append(FacetOption(str(value), str(option_label), count, selected, url))
            facets.append(facet)
        return facets

    def build(self, request, per_page=12):
        page = paginate(request, self.results(), per_page)
        with_labels(course.category for course in page)  # the cards' categories, in one query
        return {
            "page": page,
            "facets": self.facets(),
            "filters": self.filters,
            "sort": self.sort,
            "sorts": [(key, label) for key, (label, _order) in SORTS.items()],
            "hidden_params": [(k, v) for k, v in self.params.items() if k not in ("sort", "page")],
            "clear_url": self.url_with(**{name: None for name, _label in FACETS}),
        }
