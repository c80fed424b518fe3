"""The search export writes an article as the article page's own "cite" download does (one
writer, journal/citations.py, reached through the `site_search_citations` hook), and streams
result lists of any length a slice at a time."""

import json

import pytest
from django.http import StreamingHttpResponse

from search import export
from tests.factories import news_page

from .conftest import make_article

pytestmark = pytest.mark.django_db


def streamed(response):
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content).decode("utf-8-sig")


def exported(client, text, export_format):
    return streamed(client.get("/search/export/", {"q": text, "format": export_format}))


@pytest.fixture
def cited(article):
    article.doi = "10.12345/sqjy.2019.02.001"
    article.save_revision().publish()
    return article


def test_an_article_is_exported_as_its_page_cites_it(client, cited):
    bibtex = exported(client, "乡村振兴", "bibtex")
    assert bibtex.startswith("@article{")
    for field in ("journal = {社区教育研究}", "volume = {5}", "number = {2}", "pages = {12--19}",
                  "doi = {10.12345/sqjy.2019.02.001}", "year = {2019}"):  # fmt: skip
        assert field in bibtex
    assert bibtex == client.get(f"{cited.url}cite/bibtex/").content.decode()

    ris = exported(client, "乡村振兴", "ris")
    assert ris.startswith("TY  - JOUR\r\n") and "JO  - 社区教育研究\r\n" in ris and "SP  - 12\r\n" in ris
    assert ris == client.get(f"{cited.url}cite/ris/").content.decode()

    (item,) = json.loads(exported(client, "乡村振兴", "csljson"))
    assert item == json.loads(client.get(f"{cited.url}cite/csljson/").content)[0]
    assert (item["type"], item["container-title"], item["volume"], item["issue"], item["page"], item["DOI"]) == (
        "article-journal",
        "社区教育研究",
        "5",
        "2",
        "12-19",
        "10.12345/sqjy.2019.02.001",
    )
    assert item["issued"] == {"date-parts": [[2019]]}


def test_other_pages_keep_a_generic_record_beside_articles(client, cited, news_index):
    news_page(news_index, title="乡村振兴讲座通知", slug="lecture")
    bibtex = exported(client, "乡村振兴", "bibtex")
    assert bibtex.count("@article{") == 1 and bibtex.count("@misc{page") == 1
    items = json.loads(exported(client, "乡村振兴", "csljson"))
    assert sorted(item["type"] for item in items) == ["article-journal", "webpage"]


def test_a_long_result_list_streams_slice_by_slice_to_its_end(client, issue, sections, monkeypatch):
    monkeypatch.setattr(export, "SLICE", 3)  # 7 articles: three slices
    for number in range(7):
        make_article(issue, f"社区学习共同体研究{number}", slug=f"c{number}", section=sections[0])
    bibtex = exported(client, "社区学习共同体", "bibtex")
    assert bibtex.count("@article{") == 7
    rows = exported(client, "社区学习共同体", "csv").splitlines()
    assert len(rows) == 1 + 7
    assert len(json.loads(exported(client, "社区学习共同体", "csljson"))) == 7
