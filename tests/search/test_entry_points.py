"""Chinese search through Wagtail's three doors: Page.objects.search(), the API and the admin."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from tests.factories import content_page, news_page


@pytest.fixture
def pages(news_index):
    return {
        "title": news_page(news_index, title="推进社区教育进农村文化礼堂", slug="title-match", introduction="活动。"),
        "body": news_page(news_index, title="老年大学春季开学", slug="body-match", introduction="社区教育工作者培训。"),
        "other": news_page(news_index, title="消防安全培训", slug="other", introduction="居民学习使用灭火器。"),
        "draft": news_page(news_index, title="社区教育草稿", slug="draft", publish=False),
    }


def test_page_objects_search_finds_chinese_and_ranks_titles_first(pages, news_index):
    results = list(Page.objects.live().child_of(news_index).search("社区教育"))
    assert [page.slug for page in results] == ["title-match", "body-match"]
    assert "other" not in [page.slug for page in results]


def test_traditional_and_one_character_queries(pages):
    assert "title-match" in [page.slug for page in Page.objects.live().search("文化禮堂")]
    assert "other" in [page.slug for page in Page.objects.live().search("火")]


def test_drafts_are_indexed_for_editors_but_not_live(pages):
    assert "draft" in [page.slug for page in Page.objects.search("草稿")]
    assert "draft" not in [page.slug for page in Page.objects.live().search("草稿")]


def test_api_search(client, pages):
    response = client.get("/api/v2/pages/", {"search": "社區教育", "fields": "title"})
    assert response.status_code == 200
    slugs = [item["meta"]["slug"] for item in response.json()["items"]]
    assert slugs.index("title-match") < slugs.index("body-match")
    assert "draft" not in slugs


def test_api_search_of_punctuation_is_empty_not_an_error(client, pages):
    response = client.get("/api/v2/pages/", {"search": '"*()'})
    assert response.status_code == 200 and response.json()["meta"]["total_count"] == 0


def test_admin_page_search(client, pages, site):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(admin)
    response = client.get("/admin/pages/search/", {"q": "社区教"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "推进社区教育进农村文化礼堂" in html
    assert "社区教育草稿" in html  # editors find their drafts
    assert "消防安全培训" not in html


def test_edits_reindex_the_page(pages):
    page = pages["other"]
    page.title = "乡村振兴学习活动"
    page.save_revision().publish()
    assert "other" in [p.slug for p in Page.objects.live().search("乡村振兴")]
    assert "other" not in [p.slug for p in Page.objects.live().search("消防")]


def test_content_page_body_is_searchable(home_page):
    content_page(home_page, title="机构简介", slug="org", body=[("paragraph", "<p>推进长三角社区教育合作。</p>")])
    assert [page.slug for page in Page.objects.live().search("长三角")] == ["org"]
