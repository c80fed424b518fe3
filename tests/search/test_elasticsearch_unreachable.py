"""A configured Elasticsearch that does not answer: search answers from the embedded engine and
says so, the rest of the site keeps working, and /healthz/ names the failure."""

import contextlib

import pytest
from elasticsearch.dsl import connections

from tests.factories import news_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def unreachable_cluster(settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    yield
    with contextlib.suppress(KeyError):
        connections.remove_connection("default")


def test_search_answers_from_the_embedded_engine_and_says_so(client, news_index, unreachable_cluster):
    news_page(news_index, title="长三角社区教育协作会议", slug="delta")

    page = client.get("/search/", {"q": "长三角"})
    api = client.get("/api/search/", {"q": "长三角"})

    assert page.status_code == 200
    assert 'href="/news/delta/"' in page.content.decode()
    assert "全文检索服务暂时无法使用" in page.content.decode()
    assert api.status_code == 200
    assert [hit["url"] for hit in api.json()["results"]] == ["/news/delta/"]


def test_other_pages_keep_working_and_health_names_search(client, news_index, unreachable_cluster):
    news_page(news_index, title="长三角社区教育协作会议", slug="delta")

    assert client.get("/news/delta/").status_code == 200
    health = client.get("/healthz/")
    assert health.status_code == 503
    assert health.json()["checks"]["search"] == "failed"
