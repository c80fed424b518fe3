"""Choosers that find things: venues created in bulk are searchable, in Chinese."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from courses.models import CoursePage, Venue

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("office", password="x"))
    return client


def test_the_venue_chooser_finds_venues_created_in_bulk(admin_client, vocab):
    hangzhou, xihu = vocab["cities"]["杭州市"], vocab["counties"]["西湖区"]
    Venue.objects.bulk_create(
        [
            Venue(name="龙坞村文化礼堂", city=hangzhou, county=xihu),
            Venue(name="梅家坞村文化礼堂", city=hangzhou, county=xihu),
            Venue(name="西湖区社区学院报告厅", city=hangzhou, county=xihu),
        ]
    )

    found = admin_client.get(reverse("wagtailsnippetchoosers_courses_venue:choose_results"), {"q": "文化礼堂"})

    page = found.content.decode()
    assert "龙坞村文化礼堂" in page and "梅家坞村文化礼堂" in page
    assert "报告厅" not in page


@pytest.mark.parametrize("typed", ["戏曲，非遗", "戏曲、非遗", "戏曲,非遗"])
def test_tags_typed_with_a_full_width_comma_are_separate_tags(typed):
    form_class = CoursePage.get_edit_handler().get_form_class()

    assert sorted(form_class.base_fields["tags"].clean(typed)) == ["戏曲", "非遗"]


def test_the_region_chooser_is_searchable_and_narrowed_to_the_chosen_city(admin_client, vocab):
    results = reverse("wagtailsnippetchoosers_courses_region:choose_results")
    hangzhou = vocab["cities"]["杭州市"]

    counties_of_hangzhou = admin_client.get(results, {"level": "county", "parent": hangzhou.pk}).content.decode()
    searched = admin_client.get(results, {"level": "county", "parent": hangzhou.pk, "q": "西湖"}).content.decode()
    cities = admin_client.get(results, {"level": "city"}).content.decode()

    assert "西湖区" in counties_of_hangzhou and "鄞州区" not in counties_of_hangzhou
    assert "西湖区" in searched and "上城区" not in searched
    assert "宁波市" in cities and "西湖区" not in cities


def test_a_county_level_city_searched_as_a_city_says_where_it_belongs(admin_client, vocab):
    results = reverse("wagtailsnippetchoosers_courses_region:choose_results")

    answer = admin_client.get(results, {"level": "city", "q": "义乌"}).content.decode()

    assert "义乌市" in answer and "金华市" in answer


def test_the_course_editor_narrows_the_county_chooser_to_the_city_field(admin_client, make_course):
    course = make_course()

    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).content.decode()

    assert "level=county" in editor and "#id_city" in editor


def test_the_venue_chooser_lists_venues_in_pinyin_order(admin_client, vocab):
    hangzhou = vocab["cities"]["杭州市"]
    for name in ["张村文化礼堂", "白塔村文化礼堂", "安村文化礼堂"]:  # by character code: 安, 张, 白
        Venue.objects.create(name=name, city=hangzhou)

    page = admin_client.get(reverse("wagtailsnippetchoosers_courses_venue:choose_results")).content.decode()

    positions = [page.index(name) for name in ["安村文化礼堂", "白塔村文化礼堂", "张村文化礼堂"]]
    assert positions == sorted(positions)  # an, bai, zhang
