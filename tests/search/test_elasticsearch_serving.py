"""/search/ and /api/search/ served by Elasticsearch, without a cluster: the request bodies the
views send are checked, and the views are fed a recorded Elasticsearch 8 response body
(tests/search/elasticsearch_response.json) for them."""

import copy
import json
from pathlib import Path

import pytest
from elasticsearch.dsl import connections

from search.engines.elasticsearch import ContentSearch
from search.query import parse

RECORDED = json.loads((Path(__file__).parent / "elasticsearch_response.json").read_text(encoding="utf-8"))


class RecordedCluster:
    """Stands in for the Elasticsearch client: answers every search with a recorded body."""

    def __init__(self, body):
        self.body = body
        self.requests = []

    def search(self, index, body, **params):
        self.requests.append({"index": index, "body": body, **params})
        return type("ApiResponse", (), {"body": copy.deepcopy(self.body)})()


@pytest.fixture
def cluster(settings, db):
    settings.ELASTICSEARCH_URL = "http://elasticsearch.invalid:9200"
    settings.SEARCH_ELASTICSEARCH_INDEX = "cms-pages"
    recorded = RecordedCluster(RECORDED)
    connections.add_connection("default", recorded)
    yield recorded
    connections.remove_connection("default")


def test_the_page_shows_the_recorded_hits_facets_and_highlights(client, cluster, site):
    response = client.get("/search/", {"q": "社區教育", "type": "home.newspage"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="/news/title/">推进<mark>社区</mark><mark>教育</mark>进农村文化礼堂</a>' in html
    assert "<mark>社区</mark><mark>教育</mark>工作者参加培训 &lt;b&gt;。" in html  # only <mark> is kept
    assert "老年大学开学 &lt;script&gt;" in html
    assert "(9)" in html and "(3)" in html and "2019" in html and "(5)" in html  # type and year facets
    assert "12" in html.split('class="search-count"')[1][:80]
    (request,) = cluster.requests  # one request per results page
    body = request["body"]
    assert request["index"] == ["cms-pages"]
    assert {"term": {"locale": "zh-hans"}} in body["query"]["bool"]["filter"]
    not_expired = {"range": {"expire_at": {"gt": "now"}}}
    assert any(json.dumps(not_expired) in json.dumps(clause) for clause in body["query"]["bool"]["filter"])
    assert body["post_filter"] == {"terms": {"type": ["home.newspage"]}}
    assert (body["from"], body["size"], body["track_total_hits"]) == (0, 10, 1001)
    assert body["highlight"]["pre_tags"] == ["<mark>"]


def test_later_pages_and_date_order_reach_the_request(client, cluster, site):
    client.get("/search/", {"q": "社区教育", "page": "2", "sort": "date"})
    body = cluster.requests[0]["body"]
    assert (body["from"], body["size"]) == (10, 10)
    assert body["sort"] == [{"date": {"order": "desc"}}]


def test_the_api_answers_from_the_recorded_body(client, cluster, site):
    data = client.get("/api/search/", {"q": "社区教育"}).json()
    assert data["count"] == 12 and data["count_exact"] is True
    first = data["results"][0]
    assert first == {
        "title": "推进社区教育进农村文化礼堂",
        "url": "/news/title/",
        "type": "home.newspage",
        "snippet": "全省开展学习活动，<mark>社区</mark><mark>教育</mark>工作者走进文化礼堂。",
        "date": "2019-10-20",
    }
    assert data["facets"] == {"type": {"home.newspage": 9, "home.contentpage": 3}, "year": {"2019": 7, "2018": 5}}
    assert client.get("/api/search/", {"q": "社区教育", "page": "3"}).status_code == 400  # 12 results: 2 pages


def test_more_than_the_bound_is_said_so(client, cluster, site):
    cluster.body = copy.deepcopy(RECORDED)
    cluster.body["hits"]["total"] = {"value": 1001, "relation": "gte"}
    data = client.get("/api/search/", {"q": "社区教育"}).json()
    assert data["count"] == 1000 and data["count_exact"] is False
    html = client.get("/search/", {"q": "社区教育"}).content.decode()
    assert "超过 1000 条结果" in html or "More than 1000 results" in html


def test_empty_and_bad_input_need_no_cluster(client, cluster, site):
    assert client.get("/search/", {"q": ""}).status_code == 200
    assert client.get("/search/", {"q": '"*()', "type": "nonsense", "page": "x"}).status_code == 200
    assert client.get("/api/search/", {"q": "x", "type": "bad"}).status_code == 400
    assert all(request["body"]["query"]["bool"]["must"] == [{"match_none": {}}] for request in cluster.requests)


def test_researcher_syntax_in_the_query_body():
    parsed = parse('社区教育 "文化礼堂" -培训 老年 OR 终身 author:王明 region:杭州 title:长三角 year:2018-2019')
    built = ContentSearch(parsed, locale="zh-hans").build_search().to_dict()["query"]["bool"]["must"][0]["bool"]
    phrases = [clause["multi_match"] for clause in built["must"] if clause.get("multi_match", {}).get("type")]
    assert phrases == [{"query": "文化 化礼 礼堂", "type": "phrase", "fields": ["title_terms^10", "body_terms"]}]
    assert any(
        "should" in clause.get("bool", {}) and clause["bool"].get("minimum_should_match") for clause in built["must"]
    )
    assert {"term": {"author": "王明"}} in built["filter"] and {"term": {"region": "杭州"}} in built["filter"]
    assert {"range": {"year": {"gte": 2018, "lte": 2019}}} in built["filter"]
    excluded = json.dumps(built["must_not"], ensure_ascii=False)
    assert '"培训"' in excluded
    title_clause = json.dumps(built["must"][-1], ensure_ascii=False)
    assert "title_terms" in title_clause and "body_terms" not in title_clause and "长三" in title_clause


def test_region_section_and_category_facets_and_filters(client, settings, db, site):
    settings.ELASTICSEARCH_URL = "http://elasticsearch.invalid:9200"
    settings.SEARCH_ELASTICSEARCH_INDEX = "cms-pages"
    body = copy.deepcopy(RECORDED)
    body["aggregations"]["_filter_region"]["region"]["buckets"] = [{"key": "杭州市", "doc_count": 4}]
    body["aggregations"]["_filter_section"]["section"]["buckets"] = [{"key": "理论探索", "doc_count": 2}]
    recorded = RecordedCluster(body)
    connections.add_connection("default", recorded)
    try:
        html = client.get("/search/", {"q": "社区教育", "region": "杭州市"}).content.decode()
        data = client.get("/api/search/", {"q": "社区教育", "section": "理论探索"}).json()
    finally:
        connections.remove_connection("default")
    assert "<h2>地区</h2>" in html and "<strong>杭州市</strong>" in html and "(4)" in html
    assert ">理论探索</a>" in html
    assert recorded.requests[0]["body"]["post_filter"] == {"terms": {"region": ["杭州市"]}}
    assert recorded.requests[1]["body"]["post_filter"] == {"terms": {"section": ["理论探索"]}}
    assert data["facets"]["region"] == {"杭州市": 4} and data["facets"]["section"] == {"理论探索": 2}
