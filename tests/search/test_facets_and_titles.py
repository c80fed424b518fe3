"""Facet counts by year (in the site's time zone) and type, and title matches that follow renames
and deletions (on SQLite the titles have their own index, kept in step by triggers)."""

import datetime

import pytest

from search import service
from tests.factories import content_page, news_page

pytestmark = pytest.mark.django_db


def test_year_facets_count_by_local_year_and_type_facets_by_page_type(news_index, home_page):
    news_page(news_index, title="银龄学堂年会召开", slug="a", date=datetime.date(2019, 6, 1))
    news_page(news_index, title="银龄学堂新年音乐会", slug="b", date=datetime.date(2020, 1, 1))
    # A page without a date of its own counts by when it was first published, in Zhejiang's time:
    # 20:00 UTC on New Year's Eve 2020 is already 2021 there.
    new_year = datetime.datetime(2020, 12, 31, 20, 0, tzinfo=datetime.UTC)
    content_page(home_page, title="银龄学堂简介", slug="c", first_published_at=new_year)

    outcome = service.search("银龄学堂")
    assert outcome.year_facets == [(2021, 1), (2020, 1), (2019, 1)]
    assert {(label, count) for label, _name, count in outcome.type_facets} == {
        ("home.newspage", 2),
        ("home.contentpage", 1),
    }
    assert [hit.page.slug for hit in service.search("银龄学堂", year="2021").hits[:10]] == ["c"]
    assert {hit.page.slug for hit in service.search("银龄学堂 year:2019-2020").hits[:10]} == {"a", "b"}


def test_a_renamed_page_is_found_by_its_new_title_only(news_index):
    page = news_page(news_index, title="银龄学堂开学典礼", slug="w", introduction="各地举办活动。")
    assert [hit.page_id for hit in service.search("银龄学堂").hits[:10]] == [page.pk]

    page.title = "茶艺沙龙开幕"
    page.save_revision().publish()
    assert list(service.search("银龄学堂").hits[:10]) == []
    assert [hit.page_id for hit in service.search("茶艺沙龙").hits[:10]] == [page.pk]

    page.delete()
    assert list(service.search("茶艺沙龙").hits[:10]) == []


def test_years_outside_the_matches_are_not_listed(news_index):
    news_page(news_index, title="乡村振兴学习活动", slug="r", date=datetime.date(2018, 5, 1))
    news_page(news_index, title="老年大学开学", slug="o", date=datetime.date(2022, 5, 1))  # does not match
    assert service.search("乡村振兴").year_facets == [(2018, 1)]
