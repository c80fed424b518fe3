"""An article is dated by its issue unless it has a date of its own (online first): a back issue
of 2018 put on the site today is 2018 everywhere, never the day its page went live."""

import datetime
import json

import pytest
from django.utils import timezone
from lxml import etree

from journal.crossref import CROSSREF_NS, deposit_xml
from journal.models import ArticlePage

from .conftest import make_article, make_issue, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def back_issue_article(journal, sections, settings):
    """An article of an issue published in 2018, its page first published now (as an import is)."""
    settings.JOURNAL_OAI_REPOSITORY_ID = "sqjy.test"
    issue = make_issue(journal, year=2018, number=3, volume=4)
    author = make_person("胡晓东", "Hu Xiaodong")
    article = make_article(
        issue, "老年教育的社区路径", [author], slug="elderly", section=sections[0], doi="10.12345/sq.2018.03.001"
    )
    assert article.first_published_at.year == timezone.now().year != 2018
    return article


def test_the_article_takes_its_issues_date_or_its_own(back_issue_article):
    article = ArticlePage.objects.get(pk=back_issue_article.pk)
    assert (article.date, article.year) == (datetime.date(2018, 6, 15), 2018)
    article.published_date = datetime.date(2017, 12, 20)  # online before the issue came out
    assert (article.date, article.year) == (datetime.date(2017, 12, 20), 2018)


def test_a_new_issue_date_reaches_its_articles_when_published(client, back_issue_article):
    issue = back_issue_article.get_parent().specific
    issue.year, issue.published_date = 2017, datetime.date(2017, 12, 20)  # a correction
    issue.save_revision()
    assert ArticlePage.objects.get(pk=back_issue_article.pk).date == datetime.date(2018, 6, 15)  # only a draft
    issue.save_revision().publish()
    assert ArticlePage.objects.get(pk=back_issue_article.pk).date == datetime.date(2017, 12, 20)
    found = client.get("/api/search/", {"q": "老年教育"}).json()
    assert (found["facets"]["year"], found["results"][0]["date"]) == ({"2017": 1}, "2017-12-20")
    issue.published_date = None
    issue.save()
    article = ArticlePage.objects.get(pk=back_issue_article.pk)
    assert (article.date, article.year) == (None, 2017)


def test_search_results_facets_and_the_api_date_it_2018(client, back_issue_article):
    page = client.get("/search/", {"q": "老年教育"}).content.decode()
    assert '<time datetime="2018-06-15">2018-06-15</time>' in page
    assert 'year=2018">2018</a> <span class="count">(1)</span>' in page
    assert str(timezone.now().year) not in page.split('class="search-result-list"')[-1]
    found = client.get("/api/search/", {"q": "老年教育", "year": "2018"}).json()
    assert [item["title"] for item in found["results"]] == ["老年教育的社区路径"]
    assert found["results"][0]["date"] == "2018-06-15"
    assert found["facets"]["year"] == {"2018": 1}
    assert client.get("/api/search/", {"q": "老年教育", "year": str(timezone.now().year)}).json()["count"] == 0
    assert client.get("/api/search/", {"q": "老年教育 year:2018"}).json()["count"] == 1
    pages_api = client.get(f"/api/v2/pages/{back_issue_article.pk}/").json()
    assert pages_api["date"] == "2018-06-15"


def streamed(response):
    return b"".join(response.streaming_content).decode()


def test_exports_oai_and_citations_date_it_2018(client, back_issue_article):
    bibtex = streamed(client.get("/search/export/", {"q": "老年教育", "format": "bibtex"}))
    assert "year = {2018}" in bibtex
    ris = streamed(client.get("/search/export/", {"q": "老年教育", "format": "ris"}))
    assert "PY  - 2018" in ris
    oai = client.get(
        "/oai/",
        {
            "verb": "GetRecord",
            "metadataPrefix": "oai_dc",
            "identifier": f"oai:sqjy.test:article/{back_issue_article.pk}",
        },
    ).content.decode()
    assert "<dc:date>2018-06-15</dc:date>" in oai
    article_url = back_issue_article.url
    assert "year = {2018}" in client.get(f"{article_url}cite/bibtex/").content.decode()
    assert "DA  - 2018/06/15" in client.get(f"{article_url}cite/ris/").content.decode()
    html = client.get(article_url).content.decode()
    assert '<meta name="citation_publication_date" content="2018/06/15">' in html
    assert "2018, 4(3)" in html  # the GB/T 7714 lines under "Cite this article"


def test_feeds_date_it_by_its_issue(client, back_issue_article):
    journal_url = back_issue_article.get_parent().get_parent().url
    rss = client.get(f"{journal_url}rss/").content.decode()
    assert "<pubDate>Fri, 15 Jun 2018 00:00:00" in rss


def test_csl_json_jats_and_crossref_date_it_2018(client, back_issue_article):
    """The machine-readable exports a researcher or an indexer loads carry the issue's date."""
    exported = json.loads(streamed(client.get("/search/export/", {"q": "老年教育", "format": "csljson"})))
    assert [item["issued"]["date-parts"][0][0] for item in exported] == [2018]
    article_url = back_issue_article.url
    assert json.loads(client.get(f"{article_url}cite/csljson/").content)[0]["issued"]["date-parts"][0][0] == 2018
    jats = etree.fromstring(client.get(f"{article_url}cite/jats/").content)
    pub_date = jats.find(".//article-meta/pub-date")
    assert [pub_date.findtext(part) for part in ("year", "month", "day")] == ["2018", "06", "15"]
    oai_jats = client.get(
        "/oai/",
        {
            "verb": "GetRecord",
            "metadataPrefix": "jats",
            "identifier": f"oai:sqjy.test:article/{back_issue_article.pk}",
        },
    )
    oai_pub_date = etree.fromstring(oai_jats.content).find(".//{*}article-meta/{*}pub-date")
    assert oai_pub_date.findtext("{*}year") == "2018"
    deposit = etree.fromstring(deposit_xml(back_issue_article.get_parent().specific))
    article_date = deposit.find(f".//{{{CROSSREF_NS}}}journal_article/{{{CROSSREF_NS}}}publication_date")
    assert article_date.findtext(f"{{{CROSSREF_NS}}}year") == "2018"
