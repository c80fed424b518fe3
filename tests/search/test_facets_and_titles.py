"""Facet counts by year (in the site's time zone) and type, and title matches that follow renames
and deletions (on SQLite the titles have their own index, kept in step by triggers)."""

import datetime

import pytest
from django.utils import timezone

from search import service
from tests.factories import content_page, news_page

pytestmark = pytest.mark.django_db

SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


def published_at(page, moment):
    page.first_published_at = moment
    page.save(update_fields=["first_published_at"])


def test_year_facets_count_by_local_year_and_type_facets_by_page_type(news_index, home_page):
    in_2019 = news_page(news_index, title="银龄学堂年会召开", slug="a")
    # 20:00 UTC on New Year's Eve is already 2020 in Zhejiang: it counts for 2020.
    new_year = news_page(news_index, title="银龄学堂新年音乐会", slug="b")
    in_2021 = content_page(home_page, title="银龄学堂简介", slug="c")
    published_at(in_2019, datetime.datetime(2019, 6, 1, tzinfo=SHANGHAI))
    published_at(new_year, datetime.datetime(2019, 12, 31, 20, 0, tzinfo=datetime.UTC))
    published_at(in_2021, datetime.datetime(2021, 3, 1, tzinfo=SHANGHAI))

    outcome = service.search("银龄学堂")
    assert outcome.year_facets == [(2021, 1), (2020, 1), (2019, 1)]
    assert {(label, count) for label, _name, count in outcome.type_facets} == {
        ("home.newspage", 2),
        ("home.contentpage", 1),
    }


def test_a_renamed_page_is_found_by_its_new_title_only(news_index):
    page = news_page(news_index, title="银龄学堂开学典礼", slug="w", introduction="各地举办活动。")
    assert [found.pk for found in service.search("银龄学堂").results[:10]] == [page.pk]

    page.title = "茶艺沙龙开幕"
    page.save_revision().publish()
    assert list(service.search("银龄学堂").results[:10]) == []
    assert [found.pk for found in service.search("茶艺沙龙").results[:10]] == [page.pk]

    page.delete()
    assert list(service.search("茶艺沙龙").results[:10]) == []


def test_years_outside_the_matches_are_not_listed(news_index):
    page = news_page(news_index, title="乡村振兴学习活动", slug="r")
    published_at(page, timezone.make_aware(datetime.datetime(2018, 5, 1)))
    news_page(news_index, title="老年大学开学", slug="o")  # published now, does not match
    assert service.search("乡村振兴").year_facets == [(2018, 1)]
