"""Yearly progress: activities held and courses selected, by city, against the targets in CatalogSettings."""

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from cms.core.models import Region

from .models import CatalogSettings, CoursePage, LearningActivity


@dataclass
class Bar:
    label: str
    count: int
    percent: float  # length of the bar, as a share of the track (a full bar is the city's share of the target)


@dataclass
class Chart:
    total: int
    target: int
    bars: list

    @property
    def percent(self):
        return round(100 * self.total / self.target) if self.target else 0

    @property
    def total_bar_percent(self):
        return min(self.percent, 100)


def _chart(counts_by_city_id, cities, target):
    city_target = target / len(cities) if cities else 0
    bars = []
    for city in cities:
        count = counts_by_city_id.get(city.pk, 0)
        scale = min(count / city_target, 1) if city_target else 0
        bars.append(Bar(city.label, count, round(100 * scale, 1)))
    return Chart(sum(counts_by_city_id.values()), target, bars)


def activity_chart(year, target, cities):
    start = datetime.datetime(year, 1, 1, tzinfo=timezone.get_current_timezone())
    end = datetime.datetime(year + 1, 1, 1, tzinfo=timezone.get_current_timezone())
    held = (
        LearningActivity.objects.public()
        .exclude(status=LearningActivity.Status.CANCELLED)
        .filter(start__gte=start, start__lt=end, end__lte=timezone.now())
    )
    counts = dict(held.values_list("venue__city_id").annotate(n=Count("pk")).order_by())
    return _chart(counts, cities, target)


def course_chart(year, target, cities):
    courses = CoursePage.objects.live().public().filter(year=year)
    counts = dict(courses.values_list("city_id").annotate(n=Count("pk")).order_by())
    return _chart(counts, cities, target)


def years_with_data():
    """Selection years of live courses and years in which public activities start, newest first."""
    course_years = set(CoursePage.objects.live().public().values_list("year", flat=True).distinct())
    activity_years = {day.year for day in LearningActivity.objects.public().dates("start", "year")}
    return sorted(course_years | activity_years | {timezone.localdate().year}, reverse=True)


def context(site, year=None):
    year = year or timezone.localdate().year
    settings = CatalogSettings.for_site(site)
    cities = list(Region.objects.filter(level=Region.Level.CITY).order_by("code"))
    return {
        "year": year,
        "years": years_with_data(),
        "activities": activity_chart(year, settings.activity_target, cities),
        "courses": course_chart(year, settings.course_target, cities),
    }
