"""The public search page, suggestions and the JSON API, including what the public must never see."""

import datetime
import json

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from search.query import parse
from tests.factories import news_page

pytestmark = pytest.mark.django_db


def results(response):
    """The results part of a search page (the help text quotes example words)."""
    assert response.status_code == 200
    return response.content.decode().split('class="search-layout"')[-1]


@pytest.fixture
def news(news_index):
    pages = {
        "title": news_page(news_index, title="推进社区教育进农村文化礼堂", slug="t", introduction="全省开展学习活动。"),
        "body": news_page(news_index, title="老年大学开学", slug="b", introduction="社区教育工作者参加培训。"),
        "draft": news_page(news_index, title="社区教育草稿", slug="d", publish=False),
        "private": news_page(news_index, title="社区教育内部通知", slug="p"),
        "expired": news_page(news_index, title="社区教育过期通知", slug="e"),
    }
    PageViewRestriction.objects.create(page=pages["private"], restriction_type="login")
    pages["expired"].expire_at = timezone.now() - datetime.timedelta(hours=1)
    pages["expired"].save()
    return pages


def test_results_highlight_facet_and_hide_unpublished_private_and_expired(client, news):
    response = client.get("/search/", {"q": "社區教育"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "推进<mark>社区教育</mark>进农村文化礼堂" in html
    assert "<mark>社区教育</mark>工作者" in html
    for hidden in ("社区教育草稿", "社区教育内部通知", "社区教育过期通知"):
        assert hidden not in html
    assert "新闻" in html and "(2)" in html  # the news type facet counts the two public news items
    assert html.index("推进<mark>社区教育</mark>") < html.index("老年大学开学")


def test_type_and_year_filters_and_date_sort(client, news, site):
    html = results(client.get("/search/", {"q": "社区教育", "type": "home.homepage"}))
    assert 'href="/news/b/"' not in html and "浙江省<mark>社区教育</mark>指导中心" in html
    assert client.get("/search/", {"q": "社区教育", "sort": "date"}).status_code == 200
    # A news item counts in the year of its own date (2019 here), not the year it was published online.
    assert "老年大学开学" in results(client.get("/search/", {"q": "社区教育", "year": 2019}))
    assert "老年大学开学" not in results(client.get("/search/", {"q": "社区教育", "year": timezone.now().year}))


def test_researcher_syntax(client, news):
    html = results(client.get("/search/", {"q": "社区教育 -培训"}))
    assert 'href="/news/b/"' not in html and 'href="/news/t/"' in html
    html = results(client.get("/search/", {"q": "title:老年大学"}))
    assert 'href="/news/b/"' in html and 'href="/news/t/"' not in html
    html = results(client.get("/search/", {"q": '"社区教育工作者" OR 礼堂'}))
    assert 'href="/news/b/"' in html and 'href="/news/t/"' in html
    html = results(client.get("/search/", {"q": '"社区工作者"'}))  # not a phrase in either page
    assert 'href="/news/b/"' not in html


def test_english_pages_under_english(client, localised_site):
    html = client.get("/en/search/", {"q": "community education"}).content.decode()
    assert "Zhejiang Provincial <mark>Community</mark> <mark>Education</mark> Guidance Center" in html
    assert "浙江省社区教育指导中心" not in client.get("/en/search/", {"q": "社区教育"}).content.decode()


def test_no_results_page_helps(client, news):
    html = client.get("/search/", {"q": "社區學習型城市"}).content.decode()
    assert "Nothing found" in html or "没有找到" in html
    assert "学习型城市" in html  # the simplified form and the domain word are offered


def test_bad_filters_and_pages_answer_200(client, news):
    for params in ({"q": "社区", "type": "nope.model"}, {"q": "社区", "year": "abc"}, {"q": "社区", "page": "999"}):
        assert client.get("/search/", params).status_code == 200


def test_promotions_come_first(client, news):
    query = Query.get("社区教育")
    SearchPromotion.objects.create(query=query, page=news["body"], sort_order=0)
    SearchPromotion.objects.create(query=query, page=news["private"], sort_order=1)
    html = client.get("/search/", {"q": "社区教育"}).content.decode()
    promoted = html.split('class="search-promotions"')[1].split("</ul>")[0]
    assert "老年大学开学" in promoted and "内部通知" not in promoted


def test_suggest_matches_titles_pinyin_and_initials(client, news):
    for text in ("社区", "sqjy", "shequjiaoyu", "laonian"):
        suggestions = client.get("/search/suggest/", {"q": text}).json()["suggestions"]
        assert suggestions, text
    assert "社区教育" in client.get("/search/suggest/", {"q": "sqjy"}).json()["suggestions"]
    assert "社区教育内部通知" not in client.get("/search/suggest/", {"q": "社区教育"}).json()["suggestions"]


def test_json_api(client, news):
    data = client.get("/api/search/", {"q": "社区教育", "type": "home.newspage"}).json()
    assert data["count"] == 2
    assert {"title", "url", "type", "snippet", "date"} == set(data["results"][0])
    assert data["facets"]["type"]["home.newspage"] == 2
    assert any("<mark>" in result["snippet"] for result in data["results"])
    for params in ({"q": "x", "page": "0"}, {"q": "x", "page": "abc"}, {"q": "x", "type": "bad"}, {"lang": "fr"}):
        assert client.get("/api/search/", params).status_code == 400
    assert client.get("/api/search/", {"q": "社区教育", "page": "50"}).status_code == 400


NASTY = [
    "",
    "a" * 10_000,
    '" * ( ) : - ^ ~ NEAR AND',
    "'; DROP TABLE wagtailcore_page; --",
    "\x00\x01\x1f社区",
    "title: year:abc-def author:",
    'OR OR - -- "unclosed',
    "社区 NOT 教育 AND (文化 OR 礼堂)",
]


@pytest.mark.parametrize("text", NASTY)
def test_odd_queries_never_fail(client, news, text):
    assert client.get("/search/", {"q": text}).status_code == 200
    assert client.get("/api/search/", {"q": text}).status_code == 200
    assert client.get("/search/suggest/", {"q": text}).status_code == 200
    assert client.get("/search/export/", {"q": text, "format": "ris"}).status_code == 200
    assert client.get("/api/search/", {"q": text, "lang": text[:10], "type": text[:20]}).status_code in (200, 400)


@given(st.text(max_size=300))
def test_the_parser_accepts_any_text(text):
    parsed = parse(text)
    parsed.search_query()
    assert len(parsed.text()) <= 10_000


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=80), page=st.text(max_size=5))
def test_the_page_answers_any_query(client, news_index, text, page):
    response = client.get("/search/", {"q": text, "page": page, "type": text[:10], "sort": text[:5]})
    assert response.status_code == 200


@pytest.mark.parametrize("text", ["year:9999", "year:0000-9999", "year:1000-9999 社区", "year:2019-2018"])
def test_year_ranges_at_the_edges(client, news, text):
    assert client.get("/search/", {"q": text}).status_code == 200
    assert client.get("/search/", {"q": "社区", "year": text[-4:]}).status_code == 200


def streamed(response):
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_export_csv_bibtex_ris_and_csl_json(client, news):
    csv_text = streamed(client.get("/search/export/", {"q": "社区教育", "format": "csv"}))
    assert csv_text.splitlines()[0] == "title,authors,year,date,type,url"
    assert "推进社区教育进农村文化礼堂" in csv_text and "内部通知" not in csv_text
    bibtex = streamed(client.get("/search/export/", {"q": "社区教育", "format": "bibtex"}))
    assert bibtex.startswith("@misc{page") and "title = {老年大学开学}" in bibtex
    ris = client.get("/search/export/", {"q": "社区教育", "format": "ris"})
    assert ris["Content-Disposition"].endswith('search-results.ris"')
    ris_text = streamed(ris)
    assert "TI  - 老年大学开学" in ris_text and "ER  - " in ris_text
    items = json.loads(streamed(client.get("/search/export/", {"q": "社区教育", "format": "csljson"})))
    assert {item["title"] for item in items} >= {"老年大学开学", "推进社区教育进农村文化礼堂"}
    assert all(item["type"] == "webpage" and item["URL"].startswith("http://testserver/") for item in items)
    assert client.get("/search/export/", {"q": "社区", "format": "docx"}).status_code == 400
    assert 'href="/search/export/?q=' in client.get("/search/", {"q": "社区教育"}).content.decode()
