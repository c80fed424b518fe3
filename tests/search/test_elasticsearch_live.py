"""Against a real Elasticsearch 8 cluster; runs only when ELASTICSEARCH_URL is set."""

import os

import pytest
from wagtail.models import PageViewRestriction

from search.engines.elasticsearch import ContentSearch
from search.indexing import rebuild_elasticsearch
from tests.factories import news_page

pytestmark = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"),
    reason="ELASTICSEARCH_URL is not set: the live Elasticsearch tests are skipped (no cluster here).",
)


@pytest.fixture
def live_index(settings, news_index):
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.SEARCH_ELASTICSEARCH_INDEX = "cms-live-test"
    news_page(news_index, title="推进社区教育进文化礼堂", slug="a", introduction="全省开展活动。")
    news_page(news_index, title="老年大学开学", slug="b", introduction="社区教育工作者参加培训。")
    private = news_page(news_index, title="社区教育内部通知", slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    news_page(news_index, title="社区教育草稿", slug="draft", publish=False)
    rebuild_elasticsearch()


def test_live_search_ranks_titles_highlights_and_hides_private_pages(live_index):
    response = ContentSearch("社區教育", locale="zh-hans").execute()
    titles = [hit.title for hit in response]
    assert titles[0] == "推进社区教育进文化礼堂"
    assert "社区教育内部通知" not in titles and "社区教育草稿" not in titles
    assert "<mark>" in " ".join(response[0].meta.highlight.title)
    assert {value: count for value, count, _ in response.facets.type}["home.newspage"] >= 2
