"""The catalog's demo content: enough real data for every facet, deterministic and idempotent."""

import io

from cms.core.models import Region
from courses.models import (
    Category,
    CoursePage,
    LearningActivity,
    LearningPlace,
    ResourceSetPage,
    Venue,
)
from courses.models.taxonomy import source_terms
from courses.resources import course_resources
from demo import courses as demo


def test_demo_catalog_is_complete_and_idempotent(home_page, client):
    out = io.StringIO()
    demo.load(home_page, out)
    counts = (CoursePage.objects.count(), LearningActivity.objects.count(), Venue.objects.count())
    codes = sorted(CoursePage.objects.values_list("code", "title"))

    assert CoursePage.objects.live().count() >= 100
    assert CoursePage.objects.values("city").distinct().count() == Region.objects.filter(level="city").count() == 11
    assert not source_terms(Category).filter(courses__isnull=True).exists()  # every category has courses
    # The data's English names are the categories' English translations, shown on the English catalog.
    english = Category.objects.filter(locale__language_code="en")
    assert english.get(slug="digital").translation_key == source_terms(Category).get(slug="digital").translation_key
    assert set(english.values_list("name", flat=True)) >= {"Digital life", "Traditional culture"}
    assert LearningActivity.objects.count() >= 1000
    starts = LearningActivity.objects.order_by("start").values_list("start", flat=True)
    assert (starts.last() - starts.first()).days >= 300
    assert ResourceSetPage.objects.live().count() == 3
    assert LearningPlace.objects.filter(kind=LearningPlace.Kind.EXPERIENCE_BASE).count() >= 20
    assert any(resource.captions for resource in course_resources())
    assert "courses," in out.getvalue()  # progress and a summary are shown

    demo.load(home_page, io.StringIO())
    assert (CoursePage.objects.count(), LearningActivity.objects.count(), Venue.objects.count()) == counts
    assert english.count() == source_terms(Category).count() == 8  # loading again adds no terms
    assert sorted(CoursePage.objects.values_list("code", "title")) == codes

    assert client.get("/courses/?category=digital&city=3301").status_code == 200
    assert client.get("/learning-map/").status_code == 200
