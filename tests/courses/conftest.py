"""Fixtures for the course catalog: vocabularies, a catalog page, and helpers that add courses."""

import datetime
import itertools

import pytest
from django.utils import timezone

from cms.core.models import Region
from courses.models import Audience, Category, CourseIndexPage, CoursePage, LearningActivity, Provider, Venue
from courses.vocabulary_import import import_terms
from tests.factories import add_page

_codes = itertools.count(1)


@pytest.fixture
def vocab(db):
    categories = import_terms(
        Category,
        [
            {"name": "传统文化", "name_en": "Traditional culture", "slug": "culture"},
            {"name": "健康养生", "name_en": "Health", "slug": "health"},
            {"name": "数字生活", "name_en": "Digital life", "slug": "digital"},
        ],
    )
    audiences = import_terms(
        Audience,
        [
            {"name": "老年人", "name_en": "Older people", "slug": "elderly"},
            {"name": "农民", "slug": "farmers"},
            {"name": "青少年", "slug": "youth"},
        ],
    )
    cities = {city.name: city for city in Region.objects.filter(level="city")}
    counties = {county.name: county for county in Region.objects.filter(level="county")}
    provider = Provider.objects.create(name="杭州市西湖区社区学院", city=cities["杭州市"])
    return {
        "categories": categories,
        "audiences": audiences,
        "cities": cities,
        "counties": counties,
        "provider": provider,
    }


@pytest.fixture
def course_index(home_page):
    index = CourseIndexPage(title="特色课程", slug="courses", introduction="全省社区教育特色课程")
    return add_page(home_page, index)


@pytest.fixture
def make_course(course_index, vocab):
    """Add a course through the page API (as editors do); keyword arguments override the defaults."""

    def make(title="茶艺入门", publish=True, audiences=(), tags=(), **fields):
        number = next(_codes)
        fields.setdefault("code", f"T{number:04d}")
        fields.setdefault("slug", f"course-{number}")
        fields.setdefault("summary", f"{title}课程简介。")
        fields.setdefault("category", vocab["categories"][0])
        fields.setdefault("city", vocab["cities"]["杭州市"])
        fields.setdefault("year", 2019)
        fields.setdefault("provider", vocab["provider"])
        course = CoursePage(title=title, **fields)
        course.audiences = list(audiences)
        if tags:
            course.tags.add(*tags)
        return add_page(course_index, course, publish=publish)

    return make


@pytest.fixture
def venue(vocab):
    return Venue.objects.create(
        name="龙坞村文化礼堂",
        address="杭州市西湖区转塘街道龙坞村",
        city=vocab["cities"]["杭州市"],
        county=vocab["counties"]["西湖区"],
        latitude=30.18,
        longitude=120.07,
    )


@pytest.fixture
def make_activity(venue):
    def make(title="茶艺体验课", days_from_now=10, hours=2, **fields):
        start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days_from_now)
        fields.setdefault("end", start + datetime.timedelta(hours=hours))
        fields.setdefault("venue", venue)
        fields.setdefault("organiser", "西湖区社区学院")
        return LearningActivity.objects.create(title=title, start=start, **fields)

    return make
