"""One search interface: the engine is chosen once from the settings, and the results page, the
JSON API and the export read the same answer from it, so an export lists what the reader saw."""

import csv
import datetime
import io
import re
from urllib.parse import urlparse

import pytest
from elasticsearch.dsl import connections

from search import export
from search.elastic_service import ElasticsearchSearch
from search.embedded_service import EmbeddedSearch
from search.service import get_search_service
from tests.factories import news_page
from tests.search.test_elasticsearch_serving import RECORDED, RecordedCluster

pytestmark = pytest.mark.django_db


def shown_paths(html):
    """The result links of a results page, in order."""
    listed = html.split('class="search-result-list"')[1].split("</ol>")[0]
    return re.findall(r'<h3><a href="([^"]+)">', listed)


def exported(client, params):
    response = client.get("/search/export/", {**params, "format": "csv"})
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def test_the_engine_is_chosen_once_from_the_settings(settings):
    assert isinstance(get_search_service(), EmbeddedSearch)
    assert get_search_service() is get_search_service()
    settings.ELASTICSEARCH_URL = "http://elasticsearch.invalid:9200"
    service = get_search_service()
    assert isinstance(service.primary, ElasticsearchSearch)  # the embedded engine stands by
    assert isinstance(service.standby, EmbeddedSearch)


@pytest.fixture
def many_results(news_index):
    # 14 matches: two results pages; titles and bodies, several dates, so rank and date orders differ.
    for number in range(7):
        news_page(news_index, title=f"银龄学堂第{number}期", slug=f"t{number}", date=datetime.date(2015 + number, 3, 1))
        news_page(
            news_index,
            title=f"老年大学开学{number}",
            slug=f"b{number}",
            introduction="银龄学堂" * (number + 1),
            date=datetime.date(2021 - number, 5, 1),
        )


@pytest.mark.parametrize(
    "params",
    [{"q": "银龄学堂"}, {"q": "银龄学堂", "sort": "date"}, {"q": "银龄学堂 -开学"}, {"q": "银龄学堂", "year": "2019"}],
)
def test_the_export_lists_what_the_results_pages_show_in_their_order(client, many_results, params):
    count = client.get("/api/search/", params).json()["count"]
    shown = []
    for page in range(1, (count + 9) // 10 + 1):
        shown += shown_paths(client.get("/search/", {**params, "page": page}).content.decode())
    assert len(shown) == count > 0
    assert [urlparse(row["url"]).path for row in exported(client, params)] == shown


def test_the_export_goes_through_elasticsearch_when_it_is_configured(client, settings, site):
    settings.ELASTICSEARCH_URL = "http://elasticsearch.invalid:9200"
    settings.SEARCH_ELASTICSEARCH_INDEX = "cms-pages"
    cluster = RecordedCluster(RECORDED)
    connections.add_connection("default", cluster)
    try:
        rows = exported(client, {"q": "社区教育", "type": "home.newspage"})
    finally:
        connections.remove_connection("default")
    # The recorded hits, in their order, with their documents' dates and absolute URLs: no page
    # with these ids exists in the database, so only the Elasticsearch path can give them.
    assert [(row["title"], row["date"], row["url"]) for row in rows] == [
        ("推进社区教育进农村文化礼堂", "2019-10-20", "http://testserver/news/title/"),
        ("老年大学开学 <script>", "2018-03-02", "http://testserver/news/body/"),
    ]
    (request,) = cluster.requests  # one request for the whole export: fewer hits than a slice
    body = request["body"]
    assert (body["from"], body["size"]) == (0, export.SLICE)
    assert body["post_filter"] == {"terms": {"type": ["home.newspage"]}}
